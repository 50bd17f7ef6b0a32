package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad bytes on the core's STOMP acceptor (ADR 0018), sent over bare sockets: frames beyond
 * {@code sluice.core.max-stomp-frame-bytes} (65,536) end their own connection with an ERROR and nobody
 * else's; text that is not UTF-8 fails as {@code INVALID_TEXT} instead of reaching a phone mangled; a
 * subscription with a selector is refused (ADR 0037).
 */
@ExtendWith(SharedSites.class)
class StompBadInputIT {

    private static final int LIMIT = 65_536;
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(10);

    @Test
    void aFrameOverTheLimitIsRefusedAndEndsOnlyItsConnection(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             RawStomp mallory = RawStomp.login(sites.stompPort, "bob", "bob-pw")) {
            long started = System.nanoTime();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(mallory,
                    frame("SEND\ndestination:/queue/sluice.outbox\nto:alice\n\n", "x".repeat(LIMIT + 1))));
            String answer = mallory.readUntilClosed(CLOSED_WITHIN);
            long closedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            writing.handle((done, failed) -> null).get();
            assertThat(answer).contains("ERROR").contains("FRAME_TOO_LARGE").contains(Integer.toString(LIMIT));

            alice.sendStored("bob", "still here", "after-huge");
            assertThat(alice.awaitStatus("after-huge", "accepted").header("status")).isEqualTo("accepted");
            System.out.printf("Huge STOMP frame (%d bytes): ERROR FRAME_TOO_LARGE, connection closed in %d ms; "
                    + "another client's send went through%n", LIMIT + 1 + 50, closedMs);
        }
    }

    @Test
    void aFrameThatNeverEndsIsCutOffNearTheLimit(SluiceSites sites) throws Exception {
        try (RawStomp mallory = RawStomp.login(sites.stompPort, "bob", "bob-pw")) {
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> endless = CompletableFuture.runAsync(() -> {
                byte[] chunk = "endless ".repeat(512).getBytes(StandardCharsets.US_ASCII);
                write(mallory, "SEND\ndestination:/queue/sluice.outbox\nto:alice\n\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 10_000; i++) { // 40 MB at most: the broker must end it long before
                    if (!write(mallory, chunk)) {
                        return;
                    }
                    written.addAndGet(chunk.length);
                }
            });
            String answer = mallory.readUntilClosed(CLOSED_WITHIN);
            endless.get();
            assertThat(answer).contains("FRAME_TOO_LARGE");
            assertThat(written.get()).as("bytes the client got written before the broker cut it off")
                    .isLessThan(10_000L * 4096);
            System.out.printf("Never-ending STOMP frame: cut off with ERROR FRAME_TOO_LARGE; the client had written "
                    + "%d KiB into the socket by then (the broker buffered at most %d)%n", written.get() / 1024, LIMIT);
        }
    }

    @Test
    void aContentLengthBeyondTheLimitIsRefusedBeforeItsBody(SluiceSites sites) throws Exception {
        try (RawStomp mallory = RawStomp.login(sites.stompPort, "bob", "bob-pw")) {
            mallory.write("SEND\ndestination:/queue/sluice.outbox\nto:alice\ncontent-length:2147483647\n\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(mallory.readUntilClosed(CLOSED_WITHIN)).contains("ERROR").contains("BAD_CONTENT_LENGTH");
        }
    }

    @Test
    void anOversizeFrameOverWebSocketEndsThatConnection(SluiceSites sites) throws Exception {
        try (StompClient ws = StompClient.webSocket(URI.create("ws://127.0.0.1:" + sites.stompPort))) {
            ws.connect("bob", "bob-pw");
            try {
                ws.send("/queue/sluice.outbox", Map.of("to", "alice"), "y".repeat(LIMIT + 1));
            } catch (IOException closedWhileSending) {
                // the broker may end the connection before the client has written the whole frame
            }
            await().atMost(CLOSED_WITHIN).until(() -> DiskFullIT.ended(ws));
        }
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            bob.sendStored("alice", "a fresh connection works", "ws-after-huge");
            bob.awaitStatus("ws-after-huge", "accepted");
        }
    }

    @Test
    void aBodyThatIsNotUtf8FailsWithInvalidText(SluiceSites sites) throws Exception {
        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1); // é as one byte 0xE9
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             RawStomp raw = RawStomp.login(sites.stompPort, "alice", "alice-pw")) {
            raw.write(frame("SEND\ndestination:/queue/sluice.outbox\nto:+447700900123\nclient_ref:bad-utf8-text\n"
                    + "receipt:r1\n\n", latin1));
            raw.write(frame("SEND\ndestination:/queue/sluice.outbox\nto:bob\nclient_ref:bad-utf8-bytes\n"
                    + "content-length:" + latin1.length + "\nreceipt:r2\n\n", latin1));
            raw.readUntil("receipt-id:r2", CLOSED_WITHIN);
            for (String ref : new String[] {"bad-utf8-text", "bad-utf8-bytes"}) {
                StompFrame failed = alice.awaitStatus(ref, "failed");
                assertThat(failed.header("reason")).as(ref).isEqualTo("INVALID_TEXT");
                assertThat(failed.header("detail")).as(ref).contains("not valid UTF-8").contains("byte 3");
            }
        }
    }

    @Test
    void aHeaderThatIsNotUtf8FailsWithInvalidText(SluiceSites sites) throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes("SEND\ndestination:/queue/sluice.outbox\nclient_ref:bad-utf8-header\nto:b".getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // a two-byte sequence cut short
        frame.writeBytes("b\nreceipt:r3\n\nhello\0".getBytes(StandardCharsets.US_ASCII));
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             RawStomp raw = RawStomp.login(sites.stompPort, "alice", "alice-pw")) {
            raw.write(frame.toByteArray());
            raw.readUntil("receipt-id:r3", CLOSED_WITHIN);
            StompFrame failed = alice.awaitStatus("bad-utf8-header", "failed");
            assertThat(failed.header("reason")).isEqualTo("INVALID_TEXT");
            assertThat(failed.header("detail")).contains("'to'");
        }
    }

    @Test
    void aSubscriptionWithASelectorIsRefusedAndTheSameUserSubscribesWithoutOne(SluiceSites sites) throws Exception {
        // the shape of CVE-2026-75880's pattern: a LIKE of many wildcards, on the subscriber's own inbox
        String selector = "text LIKE '" + "%a".repeat(40) + "%b'";
        try (RawStomp raw = RawStomp.login(sites.stompPort, "bob", "bob-pw")) {
            raw.write(frame("SUBSCRIBE\nid:1\ndestination:/queue/sluice.inbox.bob\nselector:" + selector + "\n\n", new byte[0]));
            String answer = raw.readUntilClosed(CLOSED_WITHIN);
            assertThat(answer).contains("ERROR").contains("SELECTOR_REFUSED");
        }
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw")) {
            alice.sendStored("bob", "no filter needed", "after-selector");
            assertThat(bob.awaitChat(chat -> chat.body().equals("no filter needed"), "alice's chat").header("from"))
                    .isEqualTo("alice");
        }
    }

    /** Writes and reports whether the socket took it (the broker may close it under the writer). */
    private static boolean write(RawStomp stomp, byte[] bytes) {
        try {
            stomp.write(bytes);
            return true;
        } catch (IOException closedByTheBroker) {
            return false;
        }
    }

    private static byte[] frame(String head, String body) {
        return frame(head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(String head, byte[] body) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length + 1);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
