package io.sluice.emulator.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.text.SmsText;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;

class ShortMessageTest {

    private final SmsText smsText = new SmsText(StandardCharsets.ISO_8859_1);

    @Test
    void submitWithUdhKeepsTheRawOctetsAndDecodesOnlyTheUserData() {
        SubmitSm submit = submit((byte) 0x40, (byte) 0x00, concat(udh(), "part one".getBytes(StandardCharsets.ISO_8859_1)));

        ShortMessage message = ShortMessage.of(submit, smsText);

        assertThat(message.text()).isEqualTo("part one");
        assertThat(message.octets()).hasSize(6 + 8);
    }

    @Test
    void emptyShortMessageFallsBackToMessagePayload() {
        SubmitSm submit = submit((byte) 0x00, (byte) 0x08, new byte[0]);
        submit.setOptionalParameters(new OptionalParameter.Message_payload("long one".getBytes(StandardCharsets.UTF_16BE)));

        assertThat(ShortMessage.of(submit, smsText).text()).isEqualTo("long one");
    }

    @Test
    void dataSmTextComesFromMessagePayload() {
        DataSm dataSm = new DataSm();
        dataSm.setSourceAddr("7777");
        dataSm.setDestAddress("447700900123");
        dataSm.setDestAddrTon(SmppAddress.TON_INTERNATIONAL);
        dataSm.setOptionalParameters(new OptionalParameter.Message_payload("data".getBytes(StandardCharsets.US_ASCII)));

        ShortMessage message = ShortMessage.of(dataSm, smsText);

        assertThat(message.text()).isEqualTo("data");
        assertThat(message.destination().number()).isEqualTo("+447700900123");
    }

    @Test
    void binaryDataCodingHasNoText() {
        assertThat(ShortMessage.of(submit((byte) 0x00, (byte) 0x04, new byte[] {1, 2}), smsText).text()).isNull();
    }

    private static SubmitSm submit(byte esmClass, byte dataCoding, byte[] octets) {
        SubmitSm submit = new SubmitSm();
        submit.setSourceAddr("7777");
        submit.setDestAddress("447700900123");
        submit.setEsmClass(esmClass);
        submit.setDataCoding(dataCoding);
        submit.setShortMessage(octets);
        return submit;
    }

    /** GSM 03.40 concatenation UDH: length 5, IEI 0x00, IEDL 3, reference, total 2, this part 1. */
    private static byte[] udh() {
        return new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01};
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }
}
