package io.sluice.sms.smpp;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedPduReaderTest {

    private final BoundedPduReader reader = new BoundedPduReader();

    @Test
    void readsASubmitSmRespAsJsmppDoes() throws Exception {
        // submit_sm_resp, ESME_ROK, sequence 7, message_id "ab"
        DataInputStream in = stream("00000013 80000004 00000000 00000007 616200");

        Command header = reader.readPDUHeader(in);
        byte[] pdu = reader.readPDU(in, header);

        assertThat(header.getCommandId()).isEqualTo(0x80000004);
        assertThat(header.getSequenceNumber()).isEqualTo(7);
        assertThat(pdu).hasSize(19);
        assertThat(in.available()).isZero();
    }

    @Test
    void refusesAHeaderClaimingTwoGigabytesBeforeReadingItsBody() throws Exception {
        // the emulator's #HUGELEN: command_length 0x7FFFFFF0 and no body
        DataInputStream in = stream("7ffffff0 80000004 00000000 00000009 01020304");

        assertThatThrownBy(() -> reader.readPDUHeader(in)).isInstanceOf(InvalidCommandLengthException.class)
                .hasMessageContaining("command_length 2147483632 is over the ceiling of " + BoundedPduReader.MAX_PDU_BYTES);
        assertThat(in.available()).as("nothing past the length was read").isEqualTo(16);
    }

    @Test
    void refusesTextOutOfStep() {
        // the emulator's #GARBAGE: "this" read as a command_length is 1,952,999,795
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(
                "this is not SMPP\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> reader.readPDUHeader(in)).isInstanceOf(InvalidCommandLengthException.class)
                .hasMessageContaining("command_length 1952999795");
    }

    @Test
    void acceptsTheLargestPduSmpp34CanNeedAndRefusesOneByteMore() throws Exception {
        int limit = BoundedPduReader.MAX_PDU_BYTES;
        assertThat(reader.readPDUHeader(stream("%08x 00000005 00000000 00000001".formatted(limit))).getCommandLength())
                .as("a deliver_sm with a 64 KiB message_payload fits").isEqualTo(limit);
        assertThatThrownBy(() -> reader.readPDUHeader(stream("%08x 00000005 00000000 00000001".formatted(limit + 1))))
                .isInstanceOf(InvalidCommandLengthException.class);
    }

    @Test
    void aCommandLengthWithTheTopBitSetIsRefusedNotReadAsNegative() {
        // jsmpp's own reader takes it for a short PDU and allocates a negative array
        assertThatThrownBy(() -> reader.readPDUHeader(stream("fffffff0 80000004 00000000 00000001")))
                .isInstanceOf(InvalidCommandLengthException.class).hasMessageContaining("command_length 4294967280 is over");
    }

    @Test
    void aHeaderOnlyPduIsReadAndOneByteShorterIsRefused() throws Exception {
        // enquire_link_resp: 16 bytes, all header
        assertThat(reader.readPDUHeader(stream("00000010 80000015 00000000 00000003")).getCommandLength()).isEqualTo(16);
        assertThatThrownBy(() -> reader.readPDUHeader(stream("0000000f 80000015 00000000 00000003")))
                .isInstanceOf(InvalidCommandLengthException.class);
    }

    @Test
    void aCommandLengthShorterThanTheHeaderIsRefused() {
        // the emulator's #BADLEN
        assertThatThrownBy(() -> reader.readPDUHeader(stream("00000008 80000004")))
                .isInstanceOf(InvalidCommandLengthException.class).hasMessageContaining("command_length 8 is shorter");
    }

    private static DataInputStream stream(String hex) {
        return new DataInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(hex.replace(" ", ""))));
    }
}
