package io.sluice.sms.text;

import io.sluice.testsupport.MutableClock;
import static io.sluice.sms.text.SmsEncoding.GSM7;
import static io.sluice.sms.text.SmsEncoding.UCS2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reassembly of concatenated MO parts (3GPP TS 23.040 §9.2.3.24.1, §9.2.3.24.8). */
class MoReassemblerTest {

    private static final String PHONE = "+447700900123";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private MoReassembler reassembler;

    @BeforeEach
    void setUp() {
        reassembler = new MoReassembler(clock, TIMEOUT, 3);
    }

    /** A GSM part with an 8-bit-reference UDH, as an SMSC would deliver it (unpacked septets). */
    private static byte[] gsmPart(int reference, int total, int sequence, String text) {
        return new SmsPart(sequence, total, GSM7, new Concatenation(reference, total, sequence, false).toUdh(),
                Gsm7.encodeUnpacked(text), text).shortMessage();
    }

    private List<MoText> acceptGsm(String originator, int reference, int total, int sequence, String text) {
        return reassembler.accept(originator, GSM7, true, gsmPart(reference, total, sequence, text));
    }

    @Test
    void singleSmsWithoutUdhIsReturnedAtOnce() {
        assertThat(reassembler.accept(PHONE, GSM7, false, Gsm7.encodeUnpacked("WHO")))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, "WHO", 1, 1));
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void udhWithoutConcatenationIsASingleSmsWithoutItsHeader() {
        byte[] message = HexFormat.of().parseHex("06050415811581" + "4869");
        assertThat(reassembler.accept(PHONE, GSM7, true, message)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "Hi", 1, 1));
    }

    @Test
    void partsInOrderAreReassembled() {
        assertThat(acceptGsm(PHONE, 1, 2, 1, "Hello ")).isEmpty();
        assertThat(acceptGsm(PHONE, 1, 2, 2, "world")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "Hello world", 2, 2));
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void partsOutOfOrderAreReassembled() {
        assertThat(acceptGsm(PHONE, 9, 3, 3, "three")).isEmpty();
        assertThat(acceptGsm(PHONE, 9, 3, 1, "one ")).isEmpty();
        assertThat(acceptGsm(PHONE, 9, 3, 2, "two ")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "one two three", 3, 3));
    }

    @Test
    void duplicatePartIgnored() {
        acceptGsm(PHONE, 4, 2, 1, "first ");
        assertThat(acceptGsm(PHONE, 4, 2, 1, "first ")).isEmpty();
        assertThat(acceptGsm(PHONE, 4, 2, 2, "second")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "first second", 2, 2));
    }

    @Test
    void lateCopyOfAPartOfACompletedMessageIsIgnored() {
        // An SMSC that missed our deliver_sm_resp delivers the same part again.
        acceptGsm(PHONE, 4, 2, 1, "first ");
        acceptGsm(PHONE, 4, 2, 2, "second");
        assertThat(acceptGsm(PHONE, 4, 2, 2, "second")).isEmpty();
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void reusedReferenceWithNewContentStartsANewMessage() {
        acceptGsm(PHONE, 4, 2, 1, "first ");
        acceptGsm(PHONE, 4, 2, 2, "second");
        assertThat(acceptGsm(PHONE, 4, 2, 1, "again ")).isEmpty();
        assertThat(acceptGsm(PHONE, 4, 2, 2, "later")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "again later", 2, 2));
    }

    @Test
    void sameReferenceFromTwoPhonesAreTwoMessages() {
        String other = "+447700900999";
        acceptGsm(PHONE, 5, 2, 1, "mine ");
        acceptGsm(other, 5, 2, 2, "yours");
        assertThat(acceptGsm(other, 5, 2, 1, "also ")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(other, "also yours", 2, 2));
        assertThat(acceptGsm(PHONE, 5, 2, 2, "too")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "mine too", 2, 2));
    }

    @Test
    void sixteenBitReferencePartsAreReassembled() {
        Concatenation first = new Concatenation(0x1234, 2, 1, true);
        Concatenation second = new Concatenation(0x1234, 2, 2, true);
        byte[] one = new SmsPart(2, 2, UCS2, second.toUdh(), UCS2.encode("ир"), "ир").shortMessage();
        byte[] two = new SmsPart(1, 2, UCS2, first.toUdh(), UCS2.encode("Прив"), "Прив").shortMessage();
        assertThat(reassembler.accept(PHONE, UCS2, true, one)).isEmpty();
        assertThat(reassembler.accept(PHONE, UCS2, true, two)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "Привир", 2, 2));
    }

    @Test
    void surrogatePairCutAcrossPartsByTheHandsetStillDecodes() {
        byte[] emoji = UCS2.encode("😀");
        byte[] one = concat(new Concatenation(3, 2, 1, false).toUdh(), UCS2.encode("a"), new byte[] {emoji[0], emoji[1]});
        byte[] two = concat(new Concatenation(3, 2, 2, false).toUdh(), new byte[] {emoji[2], emoji[3]}, UCS2.encode("b"));
        reassembler.accept(PHONE, UCS2, true, two);
        assertThat(reassembler.accept(PHONE, UCS2, true, one)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "a😀b", 2, 2));
    }

    @Test
    void escapeCutAcrossPartsByTheHandsetStillDecodes() {
        byte[] one = concat(new Concatenation(3, 2, 1, false).toUdh(), new byte[] {0x41, Gsm7.ESCAPE});
        byte[] two = concat(new Concatenation(3, 2, 2, false).toUdh(), new byte[] {0x65, 0x42});
        reassembler.accept(PHONE, GSM7, true, one);
        assertThat(reassembler.accept(PHONE, GSM7, true, two)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "A€B", 2, 2));
    }

    @Test
    void splitterOutputReassemblesToTheOriginalText() {
        String text = "Καλημέρα 😀 ".repeat(20);
        List<SmsPart> parts = new SmsSplitter(8, () -> 200).split(text);
        for (int i = parts.size() - 1; i > 0; i--) {
            assertThat(reassembler.accept(PHONE, UCS2, true, parts.get(i).shortMessage())).isEmpty();
        }
        assertThat(reassembler.accept(PHONE, UCS2, true, parts.get(0).shortMessage()))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, text, parts.size(), parts.size()));
    }

    @Test
    void incompleteMessageReleasedAfterTimeoutWithMarker() {
        acceptGsm(PHONE, 6, 3, 1, "Hello ");
        acceptGsm(PHONE, 6, 3, 3, " world");
        clock.advance(TIMEOUT.minusSeconds(1));
        assertThat(reassembler.releaseExpired()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(reassembler.releaseExpired())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, "Hello [part 2 of 3 missing] world", 3, 2));
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void runOfMissingPartsGetsOneMarker() {
        acceptGsm(PHONE, 6, 5, 4, "four");
        clock.advance(TIMEOUT);
        assertThat(reassembler.releaseExpired()).singleElement().satisfies(text -> {
            assertThat(text.text()).isEqualTo("[parts 1-3 of 5 missing]four[part 5 of 5 missing]");
            assertThat(text.complete()).isFalse();
        });
    }

    @Test
    void expiredMessageIsAlsoReleasedByTheNextAccept() {
        acceptGsm(PHONE, 6, 2, 1, "lonely");
        clock.advance(TIMEOUT.plusSeconds(1));
        assertThat(reassembler.accept(PHONE, GSM7, false, Gsm7.encodeUnpacked("HELP")))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, "lonely[part 2 of 2 missing]", 2, 1),
                        new MoText(PHONE, "HELP", 1, 1));
    }

    @Test
    void partArrivingAfterItsMessageWasReleasedIsReleasedWithMarkersToo() {
        acceptGsm(PHONE, 6, 2, 1, "early ");
        clock.advance(TIMEOUT);
        reassembler.releaseExpired();
        assertThat(acceptGsm(PHONE, 6, 2, 2, "late")).isEmpty();
        clock.advance(TIMEOUT);
        assertThat(reassembler.releaseExpired())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, "[part 1 of 2 missing]late", 2, 1));
    }

    @Test
    void beyondMaxPendingTheOldestIncompleteMessageIsReleasedEarly() {
        acceptGsm(PHONE, 1, 2, 1, "one");
        clock.advance(Duration.ofSeconds(1));
        acceptGsm(PHONE, 2, 2, 1, "two");
        acceptGsm(PHONE, 3, 2, 1, "three");
        assertThat(acceptGsm(PHONE, 4, 2, 1, "four"))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("group")
                .containsExactly(new MoText(PHONE, "one[part 2 of 2 missing]", 2, 1));
        assertThat(reassembler.pendingCount()).isEqualTo(3);
        // A part of a message already held never evicts another.
        assertThat(acceptGsm(PHONE, 2, 2, 2, " more")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("group").containsExactly(new MoText(PHONE, "two more", 2, 2));
    }

    @Test
    void malformedUdhIsRefusedByName() {
        assertThatThrownBy(() -> reassembler.accept(PHONE, GSM7, true, HexFormat.of().parseHex("0900030102")))
                .isInstanceOf(MalformedUdhException.class);
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void invalidPayloadIsRefusedOnArrivalNotAtCompletion() {
        byte[] latin1 = concat(new Concatenation(8, 2, 1, false).toUdh(), new byte[] {(byte) 0xE9});
        assertThatThrownBy(() -> reassembler.accept(PHONE, GSM7, true, latin1))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] oddUcs2 = concat(new Concatenation(8, 2, 1, false).toUdh(), new byte[] {0x04});
        assertThatThrownBy(() -> reassembler.accept(PHONE, UCS2, true, oddUcs2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reassembler.pendingCount()).isZero();
    }

    @Test
    void settingsOutOfRangeAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new MoReassembler(clock, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MoReassembler(clock, TIMEOUT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJoinedTextNamesItsGroupAndIsPendingTellsWhetherAPartIsStillHeld() {
        MoGroup group = new MoGroup(PHONE, 6, 2, false);
        assertThat(acceptGsm(PHONE, 6, 2, 1, "kept ")).isEmpty();
        assertThat(reassembler.isPending(group)).isTrue();

        assertThat(acceptGsm(PHONE, 6, 2, 2, "now")).extracting(MoText::group).containsExactly(group);
        assertThat(reassembler.isPending(group)).isFalse();
        assertThat(group.id()).isEqualTo(PHONE + "/6/2/8");
        assertThat(reassembler.accept(PHONE, GSM7, false, Gsm7.encodeUnpacked("single")))
                .extracting(MoText::group).containsOnlyNulls();
    }

    private static byte[] concat(byte[]... pieces) {
        int length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, result, at, piece.length);
            at += piece.length;
        }
        return result;
    }
}
