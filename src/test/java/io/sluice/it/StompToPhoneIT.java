package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PC clients send to phone numbers over STOMP (TCP and WebSocket); the messages cross core and edge
 * (separate processes) and reach the SMSC emulator one submit_sm at a time.
 */
@ExtendWith(SharedSites.class)
class StompToPhoneIT {

    @Test
    void aMessageOverTcpReachesTheHandsetOnceWithServiceNumberAndSenderName(SluiceSites sites) throws Exception {
        String phone = "+447700900101";
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.send(phone, "hello over tcp", "tcp-1");

            alice.awaitStatus("tcp-1", "accepted");
            alice.awaitStatus("tcp-1", "processed");
            alice.awaitStatus("tcp-1", "delivered");
        }
        JsonNode inbox = awaitHandsetCount(sites, phone, 1);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("from").asText()).isEqualTo("7777");
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("alice: hello over tcp");
    }

    @Test
    void aMessageOverWebSocketReachesTheHandsetOnce(SluiceSites sites) throws Exception {
        String phone = "+447700900102";
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            bob.send(phone, "hello over websocket", "ws-1");

            bob.awaitStatus("ws-1", "processed");
        }
        JsonNode inbox = awaitHandsetCount(sites, phone, 1);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("from").asText()).isEqualTo("7777");
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("bob: hello over websocket");
    }

    @Test
    void aBurstOf500IsDeliveredExactlyOnceInOrderWithoutHandshakeViolations(SluiceSites sites) throws Exception {
        List<String> phones = List.of("+447700900201", "+447700900202", "+447700900203", "+447700900204");
        int burst = 500;
        long violationsBefore = sites.emulatorApi().stats().path("violations").asLong();
        try (ChatUser carol = ChatUser.overTcp(sites, "carol", "carol-pw")) {
            for (int i = 0; i < burst; i++) {
                carol.send(phones.get(i % phones.size()), "burst " + i, "burst-" + i);
            }
            carol.awaitStatus("burst-" + (burst - 1), "processed");
        }
        for (String phone : phones) {
            JsonNode inbox = awaitHandsetCount(sites, phone, burst / phones.size());
            Set<String> distinct = new HashSet<>();
            int previous = -1;
            for (JsonNode message : inbox) {
                String text = message.path("text").asText();
                assertThat(distinct.add(text)).as("duplicate at %s: %s", phone, text).isTrue();
                int sequence = Integer.parseInt(text.substring("carol: burst ".length()));
                assertThat(sequence).as("order at %s", phone).isGreaterThan(previous);
                previous = sequence;
            }
            assertThat(inbox).hasSize(burst / phones.size());
        }
        assertThat(sites.emulatorApi().stats().path("violations").asLong()).isEqualTo(violationsBefore);
    }

    static JsonNode awaitHandsetCount(SluiceSites sites, String phone, int count) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> messagesOf(sites.emulatorApi().handset(phone)).size() >= count);
        return messagesOf(sites.emulatorApi().handset(phone));
    }

    static JsonNode messagesOf(JsonNode handset) {
        return handset.has("messages") ? handset.path("messages") : handset;
    }
}
