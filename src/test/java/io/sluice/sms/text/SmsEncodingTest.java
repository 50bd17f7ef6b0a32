package io.sluice.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Data coding values of 3GPP TS 23.038 §4 and the UCS-2 byte form. */
class SmsEncodingTest {

    @Test
    void gsmWhenEveryCharacterFitsUcs2Otherwise() {
        assertThat(SmsEncoding.choose("Price 5€ {ok} ΔΩ")).isEqualTo(SmsEncoding.GSM7);
        assertThat(SmsEncoding.choose("Price 5€ {ok} ω")).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsEncoding.choose("👍")).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void dataCodingValues() {
        assertThat(SmsEncoding.GSM7.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(SmsEncoding.UCS2.dataCoding()).isEqualTo((byte) 0x08);
    }

    @Test
    void receivedDataCodingsWeDecode() {
        assertThat(SmsEncoding.fromDataCoding(0x00)).contains(SmsEncoding.GSM7);
        // Message-class forms with the GSM alphabet, e.g. a flash SMS (class 0).
        assertThat(SmsEncoding.fromDataCoding(0xF0)).contains(SmsEncoding.GSM7);
        assertThat(SmsEncoding.fromDataCoding(0xF3)).contains(SmsEncoding.GSM7);
        assertThat(SmsEncoding.fromDataCoding(0x08)).contains(SmsEncoding.UCS2);
    }

    @Test
    void binaryAndSmppSpecificDataCodingsAreLeftToTheCaller() {
        assertThat(SmsEncoding.fromDataCoding(0x04)).isEmpty();
        assertThat(SmsEncoding.fromDataCoding(0xF4)).isEmpty();
        assertThat(SmsEncoding.fromDataCoding(0x03)).isEmpty();
    }

    @Test
    void ucs2KeepsALoneSurrogateInsteadOfReplacingIt() {
        byte[] bytes = SmsEncoding.UCS2.encode("a\uD83D");
        assertThat(HexFormat.of().withUpperCase().formatHex(bytes)).isEqualTo("0061D83D");
        assertThat(SmsEncoding.UCS2.decode(bytes)).isEqualTo("a\uD83D");
    }

    @Test
    void oddUcs2OctetCountIsRefused() {
        assertThatThrownBy(() -> SmsEncoding.UCS2.decode(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
