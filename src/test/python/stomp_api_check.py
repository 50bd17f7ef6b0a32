#!/usr/bin/python3
"""Drives Sluice's documented STOMP API (README, "STOMP API") with a second STOMP implementation:
Debian's python3-stomp (stomp.py), not the project's own test client. Used by SecondStompClientIT.

Usage: stomp_api_check.py HOST PORT PHONE
Prints one line per check and exits 0 when all pass, 1 (with the reason) when one fails.
"""
import sys
import threading
import time
import uuid

import stomp

WAIT_SECONDS = 120


class Inbox(stomp.ConnectionListener):
    """Every MESSAGE and ERROR frame a connection receives, with a way to wait for one."""

    def __init__(self):
        self.frames = []
        self.errors = []
        self.changed = threading.Condition()

    def on_message(self, frame):
        with self.changed:
            self.frames.append(frame)
            self.changed.notify_all()

    def on_error(self, frame):
        with self.changed:
            self.errors.append(frame)
            self.changed.notify_all()

    def wait_for(self, what, wanted):
        deadline = time.monotonic() + WAIT_SECONDS
        with self.changed:
            while True:
                for frame in self.frames:
                    if wanted(frame.headers, frame.body):
                        return frame
                left = deadline - time.monotonic()
                if left <= 0:
                    fail("no " + what + " within " + str(WAIT_SECONDS) + " s; got " +
                         str([(f.headers.get("type"), f.headers.get("status"), f.body) for f in self.frames]))
                self.changed.wait(left)

    def wait_for_error(self, what):
        deadline = time.monotonic() + WAIT_SECONDS
        with self.changed:
            while not self.errors:
                left = deadline - time.monotonic()
                if left <= 0:
                    fail("no ERROR frame for " + what)
                self.changed.wait(left)
            return self.errors[0]


def fail(reason):
    print("FAIL " + reason, flush=True)
    sys.exit(1)


def connect(host, port, login, password):
    inbox = Inbox()
    connection = stomp.Connection([(host, port)], heartbeats=(10000, 0))
    connection.set_listener("inbox", inbox)
    connection.connect(login, password, wait=True)
    return connection, inbox


def main(host, port, phone):
    bob, bobs = connect(host, port, "bob", "bob-pw")
    bob.subscribe("/queue/sluice.inbox.bob", id="inbox", ack="auto")
    alice, alices = connect(host, port, "alice", "alice-pw")
    alice.subscribe("/queue/sluice.inbox.alice", id="inbox", ack="auto")
    print("ok   alice and bob logged in and subscribed to their inboxes", flush=True)

    ref = "py-" + uuid.uuid4().hex
    alice.send("/queue/sluice.outbox", "hello from python", headers={"to": "bob", "client_ref": ref})
    chat = bobs.wait_for("chat for bob", lambda h, b: h.get("type") == "chat" and b == "hello from python")
    if chat.headers.get("from") != "alice":
        fail("bob's chat is from " + str(chat.headers.get("from")))
    alices.wait_for("delivered status", lambda h, b: h.get("client_ref") == ref and h.get("status") == "delivered")
    print("ok   user to user: bob got it from alice, alice was told delivered", flush=True)

    sms_ref = "py-sms-" + uuid.uuid4().hex
    alice.send("/queue/sluice.outbox", "hello phone", headers={"to": phone, "client_ref": sms_ref})
    alices.wait_for("processed status", lambda h, b: h.get("client_ref") == sms_ref and h.get("status") == "processed")
    print("ok   user to phone: the SMSC accepted it", flush=True)

    bad_ref = "py-bad-" + uuid.uuid4().hex
    alice.send("/queue/sluice.outbox", "to nowhere", headers={"to": "0044", "client_ref": bad_ref})
    refused = alices.wait_for("failed status", lambda h, b: h.get("client_ref") == bad_ref and h.get("status") == "failed")
    if refused.headers.get("reason") != "INVALID_NUMBER":
        fail("expected INVALID_NUMBER, got " + str(refused.headers.get("reason")))
    print("ok   an invalid number is a failed status with reason INVALID_NUMBER", flush=True)

    try:
        stomp.Connection([(host, port)]).connect("alice", "wrong-password", wait=True)
        fail("a wrong password was accepted")
    except stomp.exception.ConnectFailedException:
        print("ok   a wrong password is refused", flush=True)

    snoop, snoops = connect(host, port, "carol", "carol-pw")
    snoop.subscribe("/queue/sluice.inbox.alice", id="snoop", ack="auto")
    snoops.wait_for_error("carol subscribing to alice's inbox")
    print("ok   carol cannot subscribe to alice's inbox", flush=True)

    for connection in (alice, bob):
        connection.disconnect()
    print("PASS", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
