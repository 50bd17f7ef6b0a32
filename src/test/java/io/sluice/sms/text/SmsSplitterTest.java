package io.sluice.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parts with the concatenation UDH of 3GPP TS 23.040 §9.2.3.24.1 (05 00 03 ref total seq). */
class SmsSplitterTest {

    private static final IntSupplier NO_REFERENCE = () -> {
        throw new AssertionError("a one-part text must not consume a reference");
    };

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String joined(List<SmsPart> parts) {
        return parts.stream().map(SmsPart::text).collect(Collectors.joining());
    }

    @Test
    void onePartGsmTextHasNoUdhAndUsesNoReference() {
        List<SmsPart> parts = new SmsSplitter(8, NO_REFERENCE).split("Hello @ΔΩ");
        assertThat(parts).hasSize(1);
        SmsPart part = parts.get(0);
        assertThat(part.hasUdh()).isFalse();
        assertThat(part.udh()).isEmpty();
        assertThat(part.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(hex(part.payload())).isEqualTo("48656C6C6F2000" + "1015");
        assertThat(part.shortMessage()).isEqualTo(part.payload());
        assertThat(part.sequence()).isEqualTo(1);
        assertThat(part.total()).isEqualTo(1);
    }

    @Test
    void exactly160GsmCharsIsOnePartWithoutUdh() {
        List<SmsPart> parts = new SmsSplitter(8, NO_REFERENCE).split("a".repeat(160));
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).payload()).hasSize(160);
        assertThat(parts.get(0).hasUdh()).isFalse();
    }

    @Test
    void gsm161CharsIsTwoPartsOf153WithConcatenationUdh() {
        List<SmsPart> parts = new SmsSplitter(8, () -> 0x2A).split("a".repeat(161));
        assertThat(parts).hasSize(2);
        assertThat(hex(parts.get(0).udh())).isEqualTo("0500032A0201");
        assertThat(hex(parts.get(1).udh())).isEqualTo("0500032A0202");
        assertThat(parts.get(0).payload()).hasSize(153);
        assertThat(parts.get(1).payload()).hasSize(8);
        // 6 + 153: within jsmpp's 254-octet short_message limit.
        assertThat(parts.get(0).shortMessage()).hasSize(159);
        assertThat(hex(parts.get(1).shortMessage())).isEqualTo("0500032A0202" + "61".repeat(8));
    }

    @Test
    void exactly153TimesEightGsmCharsIsEightParts() {
        List<SmsPart> parts = new SmsSplitter(8, () -> 1).split("x".repeat(153 * 8));
        assertThat(parts).hasSize(8);
        assertThat(parts).allSatisfy(part -> assertThat(part.payload()).hasSize(153));
        assertThat(parts).extracting(SmsPart::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void referenceComesFromTheCallerSourceAndVariesPerMessage() {
        AtomicInteger next = new AtomicInteger(0xFE);
        SmsSplitter splitter = new SmsSplitter(8, next::getAndIncrement);
        String text = "b".repeat(200);
        assertThat(splitter.split(text).get(0).udh()[3]).isEqualTo((byte) 0xFE);
        assertThat(splitter.split(text).get(0).udh()[3]).isEqualTo((byte) 0xFF);
        // Only the low 8 bits fit the 8-bit reference field.
        assertThat(splitter.split(text).get(0).udh()[3]).isEqualTo((byte) 0x00);
    }

    @Test
    void givenReferenceIsUsedWithoutAskingTheSource() {
        List<SmsPart> parts = new SmsSplitter(8, NO_REFERENCE).split("c".repeat(200), 0x1234);
        assertThat(hex(parts.get(1).udh())).isEqualTo("050003340202");
    }

    @Test
    void euroSignAtPartBoundaryIsNotSplit() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        List<SmsPart> parts = new SmsSplitter(8, () -> 7).split(text);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).payload()).hasSize(152);
        assertThat(parts.get(0).payload()[151]).isEqualTo((byte) 'a');
        assertThat(hex(parts.get(1).payload())).startsWith("1B6562");
        assertThat(parts.get(1).text()).isEqualTo("€" + "b".repeat(10));
        assertThat(joined(parts)).isEqualTo(text);
    }

    @Test
    void ucs2PayloadIsBigEndianWithDataCoding8() {
        SmsPart part = new SmsSplitter(8, NO_REFERENCE).split("Жar").get(0);
        assertThat(part.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(hex(part.payload())).isEqualTo("041600610072");
    }

    @Test
    void ucs2SeventyOneCharsIsTwoPartsOf67() {
        List<SmsPart> parts = new SmsSplitter(8, () -> 9).split("ж".repeat(71));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).payload()).hasSize(134);
        assertThat(parts.get(1).payload()).hasSize(8);
        assertThat(hex(parts.get(0).udh())).isEqualTo("050003090201");
    }

    @Test
    void emojiAtPartBoundaryIsNotSplit() {
        String text = "ж".repeat(66) + "😀" + "ж".repeat(3);
        List<SmsPart> parts = new SmsSplitter(8, () -> 9).split(text);
        assertThat(parts.get(0).payload()).hasSize(132);
        assertThat(hex(parts.get(1).payload())).isEqualTo("D83DDE00" + "0436".repeat(3));
        assertThat(joined(parts)).isEqualTo(text);
    }

    @Test
    void emojiForcesUcs2AndCountsTwoUnits() {
        SmsPart part = new SmsSplitter(8, NO_REFERENCE).split("ok😀").get(0);
        assertThat(part.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(hex(part.payload())).isEqualTo("006F006BD83DDE00");
    }

    @Test
    void textBeyondTheLimitIsRejectedWithLimitAndLength() {
        SmsSplitter splitter = new SmsSplitter(8, () -> 1);
        assertThatThrownBy(() -> splitter.split("a".repeat(1350)))
                .isInstanceOfSatisfying(TextTooLongException.class, e -> {
                    assertThat(e.maxParts()).isEqualTo(8);
                    assertThat(e.length()).isEqualTo(new SmsLength(SmsEncoding.GSM7, 9, 1350, 153 * 9 - 1350));
                })
                .hasMessage("Text needs 9 SMS parts (1,350 GSM characters); the limit is 8");
    }

    @Test
    void ucs2TextBeyondTheLimitNamesUcs2Characters() {
        assertThatThrownBy(() -> new SmsSplitter(8, () -> 1).split("ж".repeat(700)))
                .isInstanceOf(TextTooLongException.class)
                .hasMessage("Text needs 11 SMS parts (700 UCS-2 characters); the limit is 8");
    }

    @Test
    void oneCharBeyondEightFullPartsIsRejected() {
        SmsSplitter splitter = new SmsSplitter(8, () -> 1);
        assertThat(splitter.split("a".repeat(153 * 8))).hasSize(8);
        assertThatThrownBy(() -> splitter.split("a".repeat(153 * 8 + 1)))
                .hasMessage("Text needs 9 SMS parts (1,225 GSM characters); the limit is 8");
    }

    @Test
    void limitOfOnePartRefusesAnyConcatenation() {
        SmsSplitter splitter = new SmsSplitter(1, NO_REFERENCE);
        assertThat(splitter.split("a".repeat(160))).hasSize(1);
        assertThatThrownBy(() -> splitter.split("a".repeat(161)))
                .hasMessage("Text needs 2 SMS parts (161 GSM characters); the limit is 1");
    }

    @Test
    void emptyTextIsOneEmptySms() {
        List<SmsPart> parts = new SmsSplitter(8, NO_REFERENCE).split("");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).shortMessage()).isEmpty();
    }

    @Test
    void limitOutsideOneTo255IsRefusedAtConstruction() {
        assertThatThrownBy(() -> new SmsSplitter(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsSplitter(256, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsSplitByUsReassembleThroughTheUdhParser() {
        String text = "Σ€ " + "long text ".repeat(40);
        List<SmsPart> parts = new SmsSplitter(8, () -> 77).split(text);
        for (SmsPart part : parts) {
            Udh udh = Udh.parse(part.shortMessage());
            assertThat(udh.length()).isEqualTo(Concatenation.UDH_8BIT_LENGTH);
            assertThat(udh.concatenation()).contains(new Concatenation(77, parts.size(), part.sequence(), false));
        }
        assertThat(joined(parts)).isEqualTo(text);
    }
}
