package io.sluice.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.emulator.ReceiptOutcome;
import io.sluice.emulator.handset.SmppAddress;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class DeliveryReceiptsTest {

    private static final Instant SUBMITTED = Instant.parse("2025-03-04T05:06:07Z");
    private static final Instant DONE = Instant.parse("2025-03-04T05:07:08Z");

    @Test
    void textFollowsAppendixB() {
        String text = DeliveryReceipts.text("1A2B", ReceiptOutcome.DELIVERED, SUBMITTED, DONE,
                "a message longer than twenty characters");

        assertThat(text).isEqualTo("id:1A2B sub:001 dlvrd:001 submit date:" + local(SUBMITTED) + " done date:"
                + local(DONE) + " stat:DELIVRD err:000 text:a message longer tha");
    }

    @Test
    void failedOutcomeDeliveredNone() {
        String text = DeliveryReceipts.text("9", ReceiptOutcome.UNDELIVERABLE, SUBMITTED, DONE, "x");

        assertThat(text).contains("dlvrd:000").contains("stat:UNDELIV").contains("err:001");
    }

    @Test
    void receiptGoesFromTheHandsetToTheSubmitterAndParsesBack() throws Exception {
        SmppAddress handset = SmppAddress.ofNumber("+447700900123");
        SmppAddress submitter = SmppAddress.ofNumber("7777");

        OutboundMessage receipt = DeliveryReceipts.receipt("R1", "1A2B", handset, submitter, ReceiptOutcome.REJECTED,
                SUBMITTED, DONE, "Привет");

        assertThat(receipt.source()).isEqualTo(handset);
        assertThat(receipt.destination()).isEqualTo(submitter);
        assertThat(receipt.esmClass()).isEqualTo((byte) 0x04);
        DeliveryReceipt parsed = new DeliveryReceipt(new String(receipt.shortMessage(), StandardCharsets.US_ASCII));
        assertThat(parsed.getId()).isEqualTo("1A2B");
        assertThat(parsed.getFinalStatus().name()).isEqualTo("REJECTD");
        assertThat(parsed.getText()).isEqualTo("??????");
        assertThat(receipt.optionalParameters()).anySatisfy(tlv -> assertThat(tlv)
                .isInstanceOfSatisfying(OptionalParameter.COctetString.class,
                        id -> assertThat(id.getValueAsString()).isEqualTo("1A2B")));
    }

    @Test
    void registeredDeliveryBitsChooseWhenAReceiptIsSent() {
        byte none = 0x00;
        byte always = 0x01;
        byte onFailure = 0x02;
        byte alwaysWithIntermediate = 0x11;

        assertThat(DeliveryReceipts.isRequested(none, ReceiptOutcome.UNDELIVERABLE)).isFalse();
        assertThat(DeliveryReceipts.isRequested(always, ReceiptOutcome.DELIVERED)).isTrue();
        assertThat(DeliveryReceipts.isRequested(alwaysWithIntermediate, ReceiptOutcome.DELIVERED)).isTrue();
        assertThat(DeliveryReceipts.isRequested(onFailure, ReceiptOutcome.DELIVERED)).isFalse();
        assertThat(DeliveryReceipts.isRequested(onFailure, ReceiptOutcome.EXPIRED)).isTrue();
    }

    private static String local(Instant instant) {
        return new SimpleDateFormat("yyMMddHHmm").format(Date.from(instant));
    }
}
