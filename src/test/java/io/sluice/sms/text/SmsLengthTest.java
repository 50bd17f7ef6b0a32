package io.sluice.sms.text;

import static io.sluice.sms.text.SmsEncoding.GSM7;
import static io.sluice.sms.text.SmsEncoding.UCS2;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The counts a chat page shows: 160/153 GSM, 70/67 UCS-2 (3GPP TS 23.038, TS 23.040 §9.2.3.24.1). */
class SmsLengthTest {

    private static final String EMOJI = "😀"; // U+1F600, a surrogate pair

    @Test
    void emptyTextIsOneGsmPartWithAllLeft() {
        assertThat(SmsLength.of("")).isEqualTo(new SmsLength(GSM7, 1, 0, 160));
    }

    @Test
    void exactly160GsmCharsIsOnePart() {
        assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength(GSM7, 1, 160, 0));
    }

    @Test
    void gsm161CharsIsTwoPartsOf153() {
        // The second part holds 8 and has 145 of its 153 left.
        assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength(GSM7, 2, 161, 145));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 10})
    void exactly153TimesNGsmCharsIsNFullParts(int n) {
        assertThat(SmsLength.of("a".repeat(153 * n))).isEqualTo(new SmsLength(GSM7, n, 153 * n, 0));
        assertThat(SmsLength.of("a".repeat(153 * n + 1))).isEqualTo(new SmsLength(GSM7, n + 1, 153 * n + 1, 152));
    }

    @Test
    void extensionCharCountsTwo() {
        assertThat(SmsLength.of("€")).isEqualTo(new SmsLength(GSM7, 1, 2, 158));
        assertThat(SmsLength.of("€".repeat(80))).isEqualTo(new SmsLength(GSM7, 1, 160, 0));
        // Part 1 takes 76 € (152 septets, a 77th would straddle 153); part 2 takes 4 € and the a.
        assertThat(SmsLength.of("€".repeat(80) + "a")).isEqualTo(new SmsLength(GSM7, 2, 161, 153 - 9));
    }

    @Test
    void euroSignAtPartBoundaryIsNotSplit() {
        // 152 + 2 would make 154 in a 153-septet part: the € moves whole to part 2.
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        assertThat(SmsLength.of(text)).isEqualTo(new SmsLength(GSM7, 2, 164, 153 - 12));
    }

    @Test
    void euroSignAtPartBoundaryCanCostAnExtraPart() {
        // 306 septets would fill two parts exactly, but part 1 can only use 152 of its 153.
        String text = "a".repeat(152) + "€" + "b".repeat(152);
        assertThat(SmsLength.of(text)).isEqualTo(new SmsLength(GSM7, 3, 306, 152));
    }

    @Test
    void greekCapitalsStayGsm() {
        assertThat(SmsLength.of("ΔΦΓΛΩΠΨΣΘΞ")).isEqualTo(new SmsLength(GSM7, 1, 10, 150));
    }

    @Test
    void greekLowercaseTextIsUcs2() {
        assertThat(SmsLength.of("Καλημέρα")).isEqualTo(new SmsLength(UCS2, 1, 8, 62));
    }

    @Test
    void oneNonGsmCharacterTurnsTheWholeTextUcs2() {
        assertThat(SmsLength.of("a".repeat(100) + "ç")).isEqualTo(new SmsLength(UCS2, 2, 101, 67 - 34));
    }

    @Test
    void exactly70Ucs2CharsIsOnePart() {
        assertThat(SmsLength.of("ж".repeat(70))).isEqualTo(new SmsLength(UCS2, 1, 70, 0));
    }

    @Test
    void ucs2SeventyOneCharsIsTwoPartsOf67() {
        assertThat(SmsLength.of("ж".repeat(71))).isEqualTo(new SmsLength(UCS2, 2, 71, 63));
    }

    @Test
    void emojiForcesUcs2AndCountsTwoUnits() {
        assertThat(SmsLength.of("hi " + EMOJI)).isEqualTo(new SmsLength(UCS2, 1, 5, 65));
        assertThat(SmsLength.of(EMOJI.repeat(35))).isEqualTo(new SmsLength(UCS2, 1, 70, 0));
        assertThat(SmsLength.of(EMOJI.repeat(36))).isEqualTo(new SmsLength(UCS2, 2, 72, 67 - 6));
    }

    @Test
    void emojiAtPartBoundaryIsNotSplit() {
        // 66 + 2 would make 68 in a 67-unit part: the surrogate pair moves whole to part 2.
        String text = "ж".repeat(66) + EMOJI + "ж".repeat(3);
        assertThat(SmsLength.of(text)).isEqualTo(new SmsLength(UCS2, 2, 71, 67 - 5));
    }

    @Test
    void euroInUcs2TextCountsOne() {
        // In UCS-2 the € is one code unit like any other BMP character.
        assertThat(SmsLength.of("€ж")).isEqualTo(new SmsLength(UCS2, 1, 2, 68));
    }
}
