package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end checks of the SMPP path (StompToPhoneIT, MoToUserIT) with a CIMD2 carrier: emulator,
 * core and an edge configured with {@code sluice.edge.smsc.protocol=cimd2}, each its own process,
 * driven over STOMP; the SMSC emulator must see no stop-and-wait violation. Not named Cimd2...IT: the
 * selective unit-test pattern {@code -Dtest='Cimd2*'} would run it under surefire.
 */
class CarrierCimd2IT {

    private static SluiceSites sites;

    @BeforeAll
    static void start() throws Exception {
        sites = new SluiceSites("cimd2").withCimd2Carrier().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (sites != null) {
            sites.close();
        }
    }

    @Test
    void aMessageToAPhoneIsSubmittedOnceProcessedAndReportedDelivered() throws Exception {
        String phone = "+447700900901";
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.send(phone, "hello over cimd2", "c2-1");

            alice.awaitStatus("c2-1", "accepted");
            alice.awaitStatus("c2-1", "processed");
            alice.awaitStatus("c2-1", "delivered");
        }
        JsonNode inbox = StompToPhoneIT.awaitHandsetCount(sites, phone, 1);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("from").asText()).isEqualTo("7777");
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("alice: hello over cimd2");
        assertCimd2SessionWithoutViolations();
    }

    @Test
    void aBurstReachesThePhonesOnceInOrderOneSubmitAtATime() throws Exception {
        String first = "+447700900911";
        String second = "+447700900912";
        int burst = 40;
        try (ChatUser carol = ChatUser.overTcp(sites, "carol", "carol-pw")) {
            for (int i = 0; i < burst; i++) {
                carol.send(i % 2 == 0 ? first : second, "burst " + i, "c2-burst-" + i);
            }
            carol.awaitStatus("c2-burst-" + (burst - 1), "processed");
        }
        for (String phone : new String[] {first, second}) {
            JsonNode inbox = StompToPhoneIT.awaitHandsetCount(sites, phone, burst / 2);
            int previous = -1;
            for (JsonNode message : inbox) {
                int number = Integer.parseInt(message.path("text").asText().substring("carol: burst ".length()));
                assertThat(number).as("order at %s", phone).isGreaterThan(previous);
                previous = number;
            }
            assertThat(inbox).hasSize(burst / 2);
        }
        assertCimd2SessionWithoutViolations();
    }

    @Test
    void anMoAddressedToAUserReachesTheirInboxAndTheirReplyReachesThePhone() throws Exception {
        String phone = "+447700900921";
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            sites.emulatorApi().originateMo(phone, "@bob hi over cimd2");

            StompFrame chat = bob.awaitChat(frame -> phone.equals(frame.header("from")), "the MO from " + phone);
            assertThat(chat.body()).isEqualTo("hi over cimd2");
            assertThat(chat.header("sluice_id")).isNotBlank();

            bob.send(phone, "got it", "c2-reply");
            bob.awaitStatus("c2-reply", "delivered");
        }
        JsonNode inbox = StompToPhoneIT.awaitHandsetCount(sites, phone, 1);
        assertThat(inbox.get(inbox.size() - 1).path("text").asText()).isEqualTo("bob: got it");
        assertThat(sites.emulatorApi().stats().path("moDelivered").asLong()).isPositive();
        assertCimd2SessionWithoutViolations();
    }

    /** The edge is logged in over CIMD2 (not SMPP) and has never had two requests outstanding. */
    private static void assertCimd2SessionWithoutViolations() {
        JsonNode stats = sites.emulatorApi().stats();
        assertThat(stats.path("violations").asLong()).isZero();
        assertThat(stats.path("sessions")).isNotEmpty();
        for (JsonNode session : stats.path("sessions")) {
            assertThat(session.path("bindType").asText()).isEqualTo("CIMD2");
        }
    }
}
