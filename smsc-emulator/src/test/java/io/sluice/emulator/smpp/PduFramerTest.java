package io.sluice.emulator.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduFramerTest {

    /** enquire_link, sequence 1 (SMPP 3.4 §4.11.1): header only. */
    private static final byte[] ENQUIRE_LINK = hex("00000010 00000015 00000000 00000001");
    /** generic_nack, status ESME_RINVCMDID, sequence 2. */
    private static final byte[] GENERIC_NACK = hex("00000010 80000000 00000003 00000002");
    /** submit_sm_resp, sequence 3, message_id "AB". */
    private static final byte[] SUBMIT_SM_RESP = hex("00000013 80000004 00000000 00000003 414200");

    private final PduFramer framer = new PduFramer();

    @Test
    void decodeWholePduInOneWrite() throws IOException {
        assertThat(framer.feed(SUBMIT_SM_RESP, 0, SUBMIT_SM_RESP.length)).containsExactly(SUBMIT_SM_RESP);
        assertThat(framer.pendingOctets()).isZero();
    }

    @Test
    void decodeSplitAcrossTwoWritesReturnsNothingUntilComplete() throws IOException {
        assertThat(framer.feed(SUBMIT_SM_RESP, 0, 10)).isEmpty();
        assertThat(framer.pendingOctets()).isEqualTo(10);

        assertThat(framer.feed(SUBMIT_SM_RESP, 10, SUBMIT_SM_RESP.length - 10)).containsExactly(SUBMIT_SM_RESP);
    }

    @Test
    void decodeLengthFieldItselfSplitAcrossWrites() throws IOException {
        assertThat(framer.feed(ENQUIRE_LINK, 0, 2)).isEmpty();

        assertThat(framer.feed(ENQUIRE_LINK, 2, ENQUIRE_LINK.length - 2)).containsExactly(ENQUIRE_LINK);
    }

    @Test
    void decodeTwoPdusAndAPartialThirdInOneWrite() throws IOException {
        byte[] stream = concat(ENQUIRE_LINK, GENERIC_NACK, new byte[] {0x00, 0x00});

        List<byte[]> pdus = framer.feed(stream, 0, stream.length);

        assertThat(pdus).containsExactly(ENQUIRE_LINK, GENERIC_NACK);
        assertThat(framer.pendingOctets()).isEqualTo(2);
    }

    @Test
    void commandLengthShorterThanTheHeaderIsOutOfSync() {
        byte[] tooShort = hex("0000000F 00000015 00000000 00000001");

        assertThatThrownBy(() -> framer.feed(tooShort, 0, tooShort.length))
                .isInstanceOf(IOException.class).hasMessageContaining("command_length 15");
    }

    @Test
    void headerReadsTheFourFields() {
        PduHeader header = PduHeader.of(GENERIC_NACK);

        assertThat(header).isEqualTo(new PduHeader(16, 0x80000000, 3, 2));
        assertThat(header.isResponse()).isTrue();
        assertThat(header.commandName()).isEqualTo("generic_nack");
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
