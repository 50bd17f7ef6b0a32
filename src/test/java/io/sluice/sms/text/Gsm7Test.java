package io.sluice.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors from 3GPP TS 23.038 §6.2.1 (default alphabet), §6.2.1.1 (extension) and §6.1.2.1.1 (packing). */
class Gsm7Test {

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void everyDefaultAlphabetSeptetRoundTrips() {
        for (int septet = 0; septet < 128; septet++) {
            if (septet == Gsm7.ESCAPE) {
                continue;
            }
            String decoded = Gsm7.decodeUnpacked(new byte[] {(byte) septet});
            assertThat(decoded).hasSize(1);
            assertThat(Gsm7.encodeUnpacked(decoded)).containsExactly(septet);
        }
    }

    @Test
    void codesThatDifferFromAscii() {
        assertThat(hex(Gsm7.encodeUnpacked("@£$¥"))).isEqualTo("00010203");
        assertThat(hex(Gsm7.encodeUnpacked("¤¡¿§à"))).isEqualTo("2440605F7F");
        assertThat(hex(Gsm7.encodeUnpacked("_\n\r"))).isEqualTo("110A0D");
    }

    @Test
    void greekCapitalsStayGsm() {
        String greek = "ΔΦΓΛΩΠΨΣΘΞ";
        assertThat(Gsm7.canEncode(greek)).isTrue();
        assertThat(Gsm7.septetCount(greek)).isEqualTo(10);
        assertThat(hex(Gsm7.encodeUnpacked(greek))).isEqualTo("1012131415161718191A");
        assertThat(Gsm7.decodeUnpacked(bytes("1012131415161718191A"))).isEqualTo(greek);
    }

    @Test
    void lowercaseGreekAndLookAlikeCapitalsAreNotGsm() {
        assertThat(Gsm7.canEncode("αβγ")).isFalse();
        // Greek capital Alpha looks like Latin A but is another character: no silent substitution.
        assertThat(Gsm7.canEncode("\u0391")).isFalse();
    }

    @Test
    void onlyCapitalCCedillaIsGsm() {
        assertThat(hex(Gsm7.encodeUnpacked("Ç"))).isEqualTo("09");
        assertThat(Gsm7.canEncode("ç")).isFalse();
    }

    @Test
    void extensionCharCountsTwo() {
        assertThat(Gsm7.septetsOf('€')).isEqualTo(2);
        assertThat(Gsm7.septetCount("€")).isEqualTo(2);
        assertThat(hex(Gsm7.encodeUnpacked("€"))).isEqualTo("1B65");
    }

    @Test
    void wholeExtensionTableEncodesAndDecodes() {
        String extension = "\f^{}\\[~]|€";
        String septets = "1B0A1B141B281B291B2F1B3C1B3D1B3E1B401B65";
        assertThat(Gsm7.septetCount(extension)).isEqualTo(20);
        assertThat(hex(Gsm7.encodeUnpacked(extension))).isEqualTo(septets);
        assertThat(Gsm7.decodeUnpacked(bytes(septets))).isEqualTo(extension);
    }

    @Test
    void gsmTextWithExtensionCharactersVector() {
        String text = "Cost: 5€ [ok]";
        assertThat(Gsm7.septetCount(text)).isEqualTo(text.length() + 3);
        assertThat(hex(Gsm7.encodeUnpacked(text)))
                .isEqualTo("436F73743A20351B6520" + "1B3C" + "6F6B" + "1B3E");
    }

    @Test
    void emojiIsNotGsm() {
        assertThat(Gsm7.canEncode("ok 😀")).isFalse();
        assertThatThrownBy(() -> Gsm7.septetCount("ok 😀"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+D83D at index 3");
    }

    @Test
    void escapeFollowedByUnknownCodeShowsTheDefaultAlphabetCharacter() {
        // §6.2.1.1: a receiver shows the main-table character for a code the extension lacks.
        assertThat(Gsm7.decodeUnpacked(bytes("1B41"))).isEqualTo("A");
    }

    @Test
    void escapeAtEndOrBeforeAnotherEscapeShowsSpace() {
        assertThat(Gsm7.decodeUnpacked(bytes("411B"))).isEqualTo("A ");
        assertThat(Gsm7.decodeUnpacked(bytes("1B1B41"))).isEqualTo(" A");
    }

    @Test
    void octetAbove7FIsNotASeptet() {
        assertThatThrownBy(() -> Gsm7.decodeUnpacked(bytes("41E9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("octet 0xE9 at index 1 is not a GSM 7-bit septet");
    }

    @Test
    void packedHelloHelloVector() {
        byte[] septets = Gsm7.encodeUnpacked("hellohello");
        assertThat(hex(Gsm7.pack(septets))).isEqualTo("E8329BFD4697D9EC37");
        assertThat(Gsm7.decodeUnpacked(Gsm7.unpack(bytes("E8329BFD4697D9EC37"), 10))).isEqualTo("hellohello");
    }

    @Test
    void eightSeptetsPackIntoSevenOctets() {
        assertThat(Gsm7.pack(Gsm7.encodeUnpacked("12345678"))).hasSize(7);
        assertThat(Gsm7.pack(Gsm7.encodeUnpacked("123456789"))).hasSize(8);
    }

    @Test
    void packUnpackRoundTripsEveryLengthIncludingTrailingAt() {
        String source = "@Sluice€ ΔΩ sends ^{texts}@";
        for (int length = 0; length <= source.length(); length++) {
            byte[] septets = Gsm7.encodeUnpacked(source.substring(0, length));
            assertThat(Gsm7.unpack(Gsm7.pack(septets), septets.length)).containsExactly(septets);
        }
    }

    @Test
    void unpackRefusesMoreSeptetsThanTheOctetsHold() {
        assertThatThrownBy(() -> Gsm7.unpack(new byte[7], 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
