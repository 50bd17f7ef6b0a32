package io.sluice.emulator.handset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandsetsTest {

    private final Handsets handsets = new Handsets(2);

    @Test
    void inboxKeepsTheNewestMessagesWhileTheCountGoesOn() {
        handsets.receive(received("m1"));
        handsets.receive(received("m2"));
        handsets.receive(received("m3"));

        HandsetView view = handsets.find("+447700900123");
        assertThat(view.messages()).extracting(ReceivedMessage::messageId).containsExactly("m2", "m3");
        assertThat(view.received()).isEqualTo(3);
        assertThat(handsets.findMessage("m1")).isEmpty();
        assertThat(handsets.findMessage("m3")).isPresent();
    }

    @Test
    void outboxStatusIsUpdatedInPlace() {
        handsets.send("+447700900123", new SentMessage("a", "7777", "one", Instant.EPOCH, SentMessage.QUEUED));
        handsets.send("+447700900123", new SentMessage("b", "7777", "two", Instant.EPOCH, SentMessage.QUEUED));

        handsets.updateStatus("+447700900123", "a", SentMessage.DELIVERED);

        assertThat(handsets.find("+447700900123").outbox())
                .extracting(SentMessage::id, SentMessage::status)
                .containsExactly(tuple("a", "delivered"),
                        tuple("b", "queued"));
    }

    @Test
    void summariesAreSortedByNumber() {
        handsets.send("+447700900999", new SentMessage("a", "7777", "x", Instant.EPOCH, SentMessage.QUEUED));
        handsets.receive(received("m1"));

        assertThat(handsets.summaries()).containsExactly(new HandsetSummary("+447700900123", 1, 0),
                new HandsetSummary("+447700900999", 0, 1));
    }

    @Test
    void internationalSmppAddressesGetTheirPlusBack() {
        assertThat(new SmppAddress(SmppAddress.TON_INTERNATIONAL, SmppAddress.NPI_ISDN, "447700900123").number())
                .isEqualTo("+447700900123");
        assertThat(SmppAddress.ofNumber("+447700900123").address()).isEqualTo("447700900123");
        assertThat(SmppAddress.ofNumber("7777")).isEqualTo(
                new SmppAddress(SmppAddress.TON_UNKNOWN, SmppAddress.NPI_ISDN, "7777"));
        assertThat(SmppAddress.ofNumber("7777").number()).isEqualTo("7777");
    }

    private static ReceivedMessage received(String id) {
        return new ReceivedMessage(id, "7777", "+447700900123", "text", 0, "74657874", Instant.EPOCH);
    }
}
