package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Texts longer than one SMS and outside the GSM alphabet, end to end over real processes (ADR 0007):
 * cut into concatenated UCS-2 parts by the edge and joined by the emulator's handset; MO parts sent
 * out of order by the emulator, joined at the edge, delivered to the user as one message.
 */
@ExtendWith(SharedSites.class)
class LongTextIT {

    @Test
    void aLongGreekTextFromAPcArrivesAtThePhoneAsOneConcatenatedUcs2Message(SluiceSites sites) throws Exception {
        String phone = "+447700900801";
        String text = "Καλημέρα από τον υπολογιστή! Αυτό είναι ένα μεγάλο μήνυμα στα ελληνικά. ".repeat(3);
        long violationsBefore = sites.emulatorApi().stats().path("violations").asLong();
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.send(phone, text, "greek-1");

            alice.awaitStatus("greek-1", "processed");
            alice.awaitStatus("greek-1", "delivered");
        }
        JsonNode inbox = StompToPhoneIT.awaitHandsetCount(sites, phone, 1);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("alice: " + text);
        assertThat(inbox.get(0).path("dataCoding").asInt()).isEqualTo(8);
        assertThat(inbox.get(0).path("parts").asInt()).isEqualTo(4);
        assertThat(sites.emulatorApi().handset(phone).path("parts")).hasSize(4);
        assertThat(sites.emulatorApi().stats().path("violations").asLong()).isEqualTo(violationsBefore);
    }

    @Test
    void aLongMoSentOutOfOrderReachesTheUserAsOneMessage(SluiceSites sites) throws Exception {
        String phone = "+447700900802";
        String text = "This is a long reply from a phone, too long for one SMS, so it travels in parts. ".repeat(5)
                + "GSM extras are fine too: € {} and @ and £ and é.";
        try (ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw")) {
            sites.emulatorApi().originateMo(phone, "@bob " + text, true);

            StompFrame chat = bob.awaitChat(frame -> phone.equals(frame.header("from")), "the long MO from " + phone);
            assertThat(chat.body()).isEqualTo(text);
        }
    }
}
