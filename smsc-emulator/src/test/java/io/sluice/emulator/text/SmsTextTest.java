package io.sluice.emulator.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.emulator.DefaultAlphabet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    private final SmsText latin1Default = new SmsText(StandardCharsets.ISO_8859_1);

    @Test
    void dataCodingZeroIsTheConfiguredSmscDefault() {
        byte[] octets = "café".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(latin1Default.decode((byte) 0x00, octets)).contains("café");
        assertThat(new SmsText(StandardCharsets.UTF_8).decode((byte) 0x00, "café".getBytes(StandardCharsets.UTF_8)))
                .contains("café");
    }

    @Test
    void dataCodingOneIsAscii() {
        assertThat(latin1Default.decode((byte) 0x01, "plain".getBytes(StandardCharsets.US_ASCII))).contains("plain");
    }

    @Test
    void dataCodingThreeIsLatin1() {
        assertThat(latin1Default.decode((byte) 0x03, new byte[] {(byte) 0xE9})).contains("é");
    }

    @Test
    void dataCodingEightIsUcs2BigEndian() {
        assertThat(latin1Default.decode((byte) 0x08, new byte[] {0x04, 0x1F, 0x00, 0x21})).contains("П!");
    }

    @Test
    void binaryAndGsmClassDataCodingsAreNotDecoded() {
        assertThat(latin1Default.decode((byte) 0x04, new byte[] {1})).isEmpty();
        assertThat(latin1Default.decode((byte) 0xF0, new byte[] {1})).isEmpty();
    }

    @Test
    void textTheDefaultCharsetCarriesIsEncodedAsDataCodingZero() {
        SmsText.Encoded encoded = latin1Default.encode("Grüße");

        assertThat(encoded.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(encoded.octets()).isEqualTo("Grüße".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void textBeyondTheDefaultCharsetIsEncodedAsUcs2() {
        SmsText.Encoded encoded = latin1Default.encode("Привет €");

        assertThat(encoded.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(encoded.octets()).isEqualTo("Привет €".getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    void withTheGsmDefaultAlphabetDataCodingZeroIsUnpackedSeptets() {
        SmsText gsm = new SmsText(DefaultAlphabet.GSM, StandardCharsets.ISO_8859_1);

        assertThat(gsm.decode((byte) 0x00, new byte[] {0x00, 0x20, 0x01, 0x1B, 0x65})).contains("@ £€");
        assertThat(gsm.decode((byte) 0x00, new byte[] {(byte) 0xE9})).as("not a septet").isEmpty();
        assertThat(gsm.encode("@£").octets()).containsExactly(0x00, 0x01);
        assertThat(gsm.encode("Ελλάδα").dataCoding()).isEqualTo((byte) 0x08);
    }

    @Test
    void hexIsUpperCase() {
        assertThat(SmsText.hex(new byte[] {0x0A, (byte) 0xFF})).isEqualTo("0AFF");
    }
}
