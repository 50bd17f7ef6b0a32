package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two PC users and two phones on two carriers (issue 4): carrier alpha's edge speaks SMPP to one
 * SMSC, carrier beta's speaks CIMD2 to another; the core's routing table sends each number to its
 * carrier by the longest prefix. Users chat with each other, with both phones, and both phones answer.
 * The shared installation has both carriers; the phone numbers here are this test's own.
 */
@ExtendWith(SharedSites.class)
class TwoCarriersIT {

    private static final String ALPHA_PHONE = "+447700900971";
    private static final String BETA_PHONE = SluiceSites.BETA_PREFIX + "972";

    @Test
    void twoUsersAndTwoPhonesOnTwoCarriersChatInAllDirections(SluiceSites sites) throws Exception {
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw");
             ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            // user to user, both ways
            alice.send("bob", "hi bob on two carriers", "u-1");
            assertThat(bob.awaitChat(frame -> "hi bob on two carriers".equals(frame.body()), "alice's message")
                    .header("from")).isEqualTo("alice");
            bob.send("alice", "hi alice on two carriers", "u-2");
            assertThat(alice.awaitChat(frame -> "hi alice on two carriers".equals(frame.body()), "bob's message")
                    .header("from")).isEqualTo("bob");

            // users to phones: each number through its own carrier's edge and SMSC
            alice.send(ALPHA_PHONE, "to the alpha phone", "p-1");
            bob.send(BETA_PHONE, "to the beta phone", "p-2");
            alice.awaitStatus("p-1", "processed");
            bob.awaitStatus("p-2", "processed");
            assertThat(texts(sites.emulatorApi(), ALPHA_PHONE)).containsExactly("alice: to the alpha phone");
            assertThat(texts(sites.betaEmulatorApi(), BETA_PHONE)).containsExactly("bob: to the beta phone");
            assertThat(texts(sites.emulatorApi(), BETA_PHONE)).as("beta's number never reaches alpha's SMSC").isEmpty();
            assertThat(texts(sites.betaEmulatorApi(), ALPHA_PHONE)).as("and the other way round").isEmpty();

            // phones to users: each answer continues its conversation
            sites.emulatorApi().originateMo(ALPHA_PHONE, "alpha answers");
            StompFrame fromAlpha = alice.awaitChat(frame -> "alpha answers".equals(frame.body()), "the alpha phone's answer");
            assertThat(fromAlpha.header("from")).isEqualTo(ALPHA_PHONE);
            sites.betaEmulatorApi().originateMo(BETA_PHONE, "beta answers");
            StompFrame fromBeta = bob.awaitChat(frame -> "beta answers".equals(frame.body()), "the beta phone's answer");
            assertThat(fromBeta.header("from")).isEqualTo(BETA_PHONE);

            assertThat(sites.emulatorApi().stats().path("violations").asLong()).isZero();
            assertThat(sites.betaEmulatorApi().stats().path("violations").asLong()).isZero();
        }
    }

    private static java.util.List<String> texts(EmulatorApi smsc, String phone) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        StompToPhoneIT.messagesOf(smsc.handset(phone)).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }
}
