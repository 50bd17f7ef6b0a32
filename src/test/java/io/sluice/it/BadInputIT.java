package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompErrorException;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a clear answer naming the reason; nothing is silently dropped; no one gets in who should not. */
@ExtendWith(SharedSites.class)
class BadInputIT {

    @Test
    void aSendWithoutRecipientFailsWithNoRecipient(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            assertFails(alice, null, "to whom?", "NO_RECIPIENT", "'to' header");
        }
    }

    @Test
    void anInvalidPhoneNumberFailsWithInvalidNumber(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            assertFails(alice, "+0123", "short", "INVALID_NUMBER", "+0123");
        }
    }

    @Test
    void anUnknownUserFailsWithUnknownUser(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overWebSocket(sites, "alice", "alice-pw")) {
            assertFails(alice, "mallory", "are you real?", "UNKNOWN_USER", "mallory");
        }
    }

    @Test
    void aTextOverMaxTextCharsFailsWithTooLong(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            // 1,601 two-byte characters: 3.2 kB, a frame well within max-stomp-frame-bytes
            assertFails(alice, "+447700900123", "\u00e9".repeat(1601), "TOO_LONG", "1601");
        }
    }

    private static void assertFails(ChatUser sender, String to, String text, String reason, String inDetail)
            throws Exception {
        String ref = "bad-" + reason;
        sender.send(to, text, ref);
        StompFrame status = sender.awaitStatus(ref, "failed");
        assertThat(status.header("reason")).isEqualTo(reason);
        assertThat(status.header("detail")).contains(inDetail);
    }

    @Test
    void connectWithoutCredentialsOrWithAWrongPasswordIsRefused(SluiceSites sites) throws Exception {
        try (StompClient anonymous = StompClient.tcp("127.0.0.1", sites.stompPort)) {
            anonymous.sendFrame(StompFrame.of(StompFrame.CONNECT, "accept-version", "1.2", "host", "127.0.0.1"));
            StompFrame answer = anonymous.nextFrame(Duration.ofSeconds(10)).orElseThrow();
            assertThat(answer.command()).isEqualTo(StompFrame.ERROR);
        }
        try (StompClient wrong = StompClient.tcp("127.0.0.1", sites.stompPort)) {
            assertThatThrownBy(() -> wrong.connect("alice", "not-her-password"))
                    .isInstanceOf(StompErrorException.class)
                    .hasMessageContaining("alice");
        }
    }

    @Test
    void aUserCannotReadAnotherUsersInbox(SluiceSites sites) throws Exception {
        try (StompClient bob = StompClient.tcp("127.0.0.1", sites.stompPort)) {
            bob.connect("bob", "bob-pw");
            assertThatThrownBy(() -> bob.subscribe("/queue/sluice.inbox.alice", StompClient.AckMode.AUTO))
                    .isInstanceOf(StompErrorException.class);
        }
    }

    @Test
    void aUserCannotSendStraightToAnotherInboxOrToACarrierQueue(SluiceSites sites) throws Exception {
        for (String destination : new String[] {"/queue/sluice.inbox.bob", "/queue/sluice.mt.alpha"}) {
            try (StompClient alice = StompClient.tcp("127.0.0.1", sites.stompPort)) {
                alice.connect("alice", "alice-pw");
                assertThatThrownBy(() -> alice.sendWithReceipt(destination, Map.of("to", "bob"), "sneaky",
                        Duration.ofSeconds(10)))
                        .as(destination)
                        .isInstanceOf(StompErrorException.class);
            }
        }
    }
}
