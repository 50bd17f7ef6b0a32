package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** User-to-user chat over the STOMP API. */
@ExtendWith(SharedSites.class)
class ChatIT {

    @Test
    void usersChatBothWaysOverTcpAndWebSocket(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            alice.send("bob", "hi bob", "a-1");
            StompFrame atBob = bob.awaitChat(frame -> "hi bob".equals(frame.body()), "alice's message");
            assertThat(atBob.header("from")).isEqualTo("alice");
            alice.awaitStatus("a-1", "delivered");

            bob.send("alice", "hi alice", "b-1");
            StompFrame atAlice = alice.awaitChat(frame -> "hi alice".equals(frame.body()), "bob's message");
            assertThat(atAlice.header("from")).isEqualTo("bob");
            bob.awaitStatus("b-1", "delivered");
        }
    }

    @Test
    void aMessageToAnOfflineUserWaitsInTheInboxUntilTheyConnect(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.send("carol", "read this when you are back", "offline-1");
            alice.awaitStatus("offline-1", "accepted");
        }
        try (ChatUser carol = ChatUser.overTcp(sites, "carol", "carol-pw")) {
            StompFrame waiting = carol.awaitChat(frame -> "read this when you are back".equals(frame.body()),
                    "the message sent while offline");
            assertThat(waiting.header("from")).isEqualTo("alice");
        }
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.awaitStatus("offline-1", "delivered"); // told while away, waiting in her own inbox
        }
    }

    @Test
    void aForgedFromHeaderIsIgnoredTheAuthenticatedLoginIsTheSender(SluiceSites sites) throws Exception {
        try (ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw");
             ChatUser carol = ChatUser.overTcp(sites, "carol", "carol-pw")) {
            bob.sendHeaders(java.util.Map.of("to", "carol", "from", "alice", "client_ref", "forged-1"), "it is me, alice");
            StompFrame atCarol = carol.awaitChat(frame -> "it is me, alice".equals(frame.body()), "the forged message");
            assertThat(atCarol.header("from")).isEqualTo("bob");
        }
    }
}
