package io.sluice.sms.cimd2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** User data text conversion (CIMD Interface Specification §8.1) for the whole GSM 03.38 alphabet. */
class Cimd2TextTest {

    /** GSM 03.38 §6.2.1 default alphabet, codes 0x00-0x7F, without the escape 0x1B. */
    static final String GSM_DEFAULT_ALPHABET = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r"
            + "\u00C5\u00E5\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
    /** GSM 03.38 §6.2.1.1 extension table. */
    static final String GSM_EXTENSION = "\f^{}\\[~]|\u20AC";

    static Stream<Arguments> everyGsmCharacter() {
        return (GSM_DEFAULT_ALPHABET + GSM_EXTENSION).chars()
                .mapToObj(c -> Arguments.of(String.format("U+%04X", c), String.valueOf((char) c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyGsmCharacter")
    void escapesRoundTripForEveryGsmCharacter(String name, String character) {
        String encoded = Cimd2Text.encode(character);

        assertThat(encoded.chars()).allMatch(c -> c < 0x80 && c != 0x02 && c != 0x03 && c != 0x09);
        assertThat(Cimd2Text.decode(encoded)).isEqualTo(character);
        assertThat(Cimd2Text.canEncode(character)).isTrue();
    }

    @Test
    void wholeAlphabetRoundTripsInOneText() {
        String all = GSM_DEFAULT_ALPHABET + GSM_EXTENSION + GSM_DEFAULT_ALPHABET;

        assertThat(Cimd2Text.decode(Cimd2Text.encode(all))).isEqualTo(all);
    }

    @Test
    void specExampleOverSevenBitLink() {
        // §8.1 "Default character conversion over 7-bit link": the first characters of the GSM alphabet.
        assertThat(Cimd2Text.decode("_Oa_L-$_Y-_e`_e'_u`_i`_o`_C,")).isEqualTo("@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7");
        assertThat(Cimd2Text.encode("@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7")).isEqualTo("_Oa_L-$_Y-_e`_e'_u`_i`_o`_C,");
    }

    @Test
    void specExampleOverEightBitLinkTakesLatin1AsItIs() {
        assertThat(Cimd2Text.decode("@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7"))
                .isEqualTo("@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\u20AC|_XXe",
        "^|_XX_gl",
        "{|_XX(",
        "}|_XX)",
        "[|_XX<",
        "]|_XX>",
        "~|_XX=",
        "\\|_XX/",
        "'|'|_XX_!!",
        "_|_--",
        "\u00E4|_a\"",
        "\u00DC|_U\"",
        "\u00A4|_ox",
        "\u00A1|_!!",
        "\u00BF|_??",
        "\u00A7|_so",
        "\u0394|_gd",
    })
    void specialCombinationVectors(String text, String userData) {
        assertThat(Cimd2Text.encode(text)).isEqualTo(userData);
        assertThat(Cimd2Text.decode(userData)).isEqualTo(text);
    }

    @Test
    void formFeedIsEscapeThenLineFeed() {
        assertThat(Cimd2Text.encode("\f")).isEqualTo("_XX\n");
    }

    @Test
    void closingBracketAndBraceStandForAringAsTheDefaultConversionSays() {
        assertThat(Cimd2Text.decode("]}")).isEqualTo("\u00C5\u00E5");
    }

    @Test
    void quotationMarkMayAlsoComeAsQq() {
        assertThat(Cimd2Text.decode("_qq\"")).isEqualTo("\"\"");
    }

    @Test
    void unknownCombinationIsKeptAsWritten() {
        assertThat(Cimd2Text.decode("a_zzb_")).isEqualTo("a_zzb_");
        assertThat(Cimd2Text.decode("_a")).isEqualTo("_a");
    }

    @Test
    void escapeBeforeACharacterWithoutExtensionShowsTheDefaultCharacter() {
        // GSM 03.38 §6.2.1.1: a receiver shows the default table's character for an unknown extension code.
        assertThat(Cimd2Text.decode("_XXA")).isEqualTo("A");
    }

    @Test
    void escapeAtTheEndShowsASpace() {
        assertThat(Cimd2Text.decode("ab_XX")).isEqualTo("ab ");
    }

    @Test
    void textOutsideGsmCannotBeEncoded() {
        assertThat(Cimd2Text.canEncode("\u041F\u0440\u0438\u0432\u0435\u0442")).isFalse();
        assertThat(Cimd2Text.canEncode("`")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Cimd2Text.encode("ok \u00EA"))
                .withMessageContaining("U+00EA at 3");
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        assertThat(Cimd2Text.septets("a\u20AC[")).isEqualTo(5);
        assertThat(Cimd2Text.septets(GSM_DEFAULT_ALPHABET)).isEqualTo(127);
    }
}
