package io.sluice.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** User Data Header vectors, 3GPP TS 23.040 §9.2.3.24 (.1 8-bit, .8 16-bit concatenation). */
class UdhTest {

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void eightBitReferenceConcatenation() {
        Udh udh = Udh.parse(bytes("050003A40302" + "6869"));
        assertThat(udh.length()).isEqualTo(6);
        assertThat(udh.concatenation()).contains(new Concatenation(0xA4, 3, 2, false));
    }

    @Test
    void sixteenBitReferenceConcatenation() {
        Udh udh = Udh.parse(bytes("060804BEEF0201" + "6869"));
        assertThat(udh.length()).isEqualTo(7);
        assertThat(udh.concatenation()).contains(new Concatenation(0xBEEF, 2, 1, true));
    }

    @Test
    void otherElementsAroundConcatenationAreTolerated() {
        // 16-bit application port addressing (IEI 0x05) before, an unknown IE 0x70 after.
        Udh udh = Udh.parse(bytes("0E" + "050415811581" + "0003070201" + "7001FF" + "41"));
        assertThat(udh.length()).isEqualTo(15);
        assertThat(udh.elements()).extracting(Udh.InformationElement::identifier).containsExactly(0x05, 0x00, 0x70);
        assertThat(udh.concatenation()).contains(new Concatenation(7, 2, 1, false));
    }

    @Test
    void udhWithoutConcatenationHasNone() {
        assertThat(Udh.parse(bytes("0605041581158141")).concatenation()).isEmpty();
    }

    @Test
    void lastConcatenationElementCounts() {
        Udh udh = Udh.parse(bytes("0B" + "0003010201" + "08040002" + "0302"));
        assertThat(udh.concatenation()).contains(new Concatenation(2, 3, 2, true));
    }

    @Test
    void concatenationWithZeroTotalOrSequenceBeyondTotalIsIgnored() {
        // §9.2.3.24.1: the receiving entity ignores such an element, so the SMS stands alone.
        assertThat(Udh.parse(bytes("050003010000")).concatenation()).isEmpty();
        assertThat(Udh.parse(bytes("050003010200")).concatenation()).isEmpty();
        assertThat(Udh.parse(bytes("050003010203")).concatenation()).isEmpty();
    }

    @Test
    void udhLengthPastTheMessageIsMalformed() {
        assertThatThrownBy(() -> Udh.parse(bytes("0500030102")))
                .isInstanceOf(MalformedUdhException.class)
                .hasMessage("UDHL 5 runs past the 5-octet message");
    }

    @Test
    void elementPastTheUdhLengthIsMalformed() {
        assertThatThrownBy(() -> Udh.parse(bytes("04000301020341")))
                .isInstanceOf(MalformedUdhException.class)
                .hasMessage("information element 0x00 of 3 octets runs past UDHL 4");
    }

    @Test
    void elementWithoutLengthOctetIsMalformed() {
        assertThatThrownBy(() -> Udh.parse(bytes("0600030102037041")))
                .isInstanceOf(MalformedUdhException.class)
                .hasMessageContaining("has no length octet");
    }

    @Test
    void concatenationWithWrongLengthIsMalformed() {
        assertThatThrownBy(() -> Udh.parse(bytes("0400020102")))
                .isInstanceOf(MalformedUdhException.class)
                .hasMessage("concatenation element 0x00 has 2 data octets");
    }

    @Test
    void emptyMessageWithUdhiIsMalformed() {
        assertThatThrownBy(() -> Udh.parse(new byte[0])).isInstanceOf(MalformedUdhException.class);
    }

    @Test
    void concatenationRoundTripsThroughItsUdhBytes() {
        Concatenation sixteen = new Concatenation(0x0102, 4, 3, true);
        assertThat(HexFormat.of().formatHex(sixteen.toUdh())).isEqualTo("06080401020403");
        assertThat(Udh.parse(sixteen.toUdh()).concatenation()).contains(sixteen);
    }
}
