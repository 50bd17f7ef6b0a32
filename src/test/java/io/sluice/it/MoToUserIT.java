package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Phones text the service number; the SMSC emulator originates the MO and the user's inbox gets it. */
@ExtendWith(SharedSites.class)
class MoToUserIT {

    @Test
    void anMoAddressedToAUserReachesTheirSubscriptionWithTheSendersNumber(SluiceSites sites) throws Exception {
        String phone = "+447700900301";
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            sites.emulatorApi().originateMo(phone, "@alice hi from my phone");

            StompFrame chat = alice.awaitChat(frame -> phone.equals(frame.header("from")), "the MO from " + phone);
            assertThat(chat.body()).isEqualTo("hi from my phone");
            assertThat(chat.header("sluice_id")).isNotBlank();
        }
    }

    @Test
    void plainTextFromAPhoneContinuesTheConversationAUserStarted(SluiceSites sites) throws Exception {
        String phone = "+447700900302";
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            bob.send(phone, "are you there?", "conv-1");
            bob.awaitStatus("conv-1", "processed");

            sites.emulatorApi().originateMo(phone, "yes, here");

            StompFrame reply = bob.awaitChat(frame -> phone.equals(frame.header("from")), "the reply from " + phone);
            assertThat(reply.body()).isEqualTo("yes, here");
        }
    }

    @Test
    void anMoThatReachesNoOneIsAnsweredWithHowToAddressAUser(SluiceSites sites) {
        String stranger = "+447700900303";
        sites.emulatorApi().originateMo(stranger, "hello?");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> StompToPhoneIT.messagesOf(sites.emulatorApi().handset(stranger)).size() >= 1);
        JsonNode answer = StompToPhoneIT.messagesOf(sites.emulatorApi().handset(stranger)).get(0);
        assertThat(answer.path("from").asText()).isEqualTo("7777");
        assertThat(answer.path("text").asText()).contains("@name"); // the help text
    }

    /** The SMS command language, each answer one SMS at the handset; WHO sees bob's web presence. */
    @Test
    void aPhoneManagesItsBuddiesWithSmsCommands(SluiceSites sites) throws Exception {
        String phone = "+447700900304";
        sites.emulatorApi().originateMo(phone, "ADD bob");
        assertThat(nthAnswer(sites, phone, 1)).isEqualTo("Sluice: bob is on your buddy list. WHO shows who is online.");

        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            sites.emulatorApi().originateMo(phone, "who");
            assertThat(nthAnswer(sites, phone, 2)).isEqualTo("Sluice: Online: bob.");
        }
        sites.emulatorApi().originateMo(phone, "DEL bob");
        assertThat(nthAnswer(sites, phone, 3)).isEqualTo("Sluice: bob is off your buddy list.");
        sites.emulatorApi().originateMo(phone, "HELP");
        assertThat(nthAnswer(sites, phone, 4)).startsWith("Sluice: @name text = message a user.");
    }

    /** The n-th SMS the service sent to {@code phone} (1-based), waiting for it. */
    private static String nthAnswer(SluiceSites sites, String phone, int n) {
        JsonNode messages = StompToPhoneIT.awaitHandsetCount(sites, phone, n);
        assertThat(messages.get(n - 1).path("from").asText()).isEqualTo("7777");
        return messages.get(n - 1).path("text").asText();
    }
}
