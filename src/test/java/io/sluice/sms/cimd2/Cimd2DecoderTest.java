package io.sluice.sms.cimd2;

import static io.sluice.sms.cimd2.Cimd2Bytes.bytes;
import static io.sluice.sms.cimd2.Cimd2Bytes.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sms.cimd2.Cimd2DecodeError.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Framing and parsing edge cases of {@link Cimd2Decoder} (CIMD Interface Specification §3.1-3.3). */
class Cimd2DecoderTest {

    private static final byte[] LOGIN = bytes("<STX>01:001<TAB>010:sluice<TAB>011:secret<TAB><ETX>");
    private static final byte[] ALIVE = bytes("<STX>40:003<TAB><ETX>");

    private final Cimd2Decoder decoder = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT,
            Cimd2ChecksumPolicy.VERIFY_IF_PRESENT);

    @Test
    void decodesLogin() {
        List<Cimd2Decoded> decoded = decoder.feed(LOGIN);

        assertThat(decoded).containsExactly(new Cimd2Packet(Cimd2Operation.LOGIN, 1,
                List.of(new Cimd2Field(10, "sluice"), new Cimd2Field(11, "secret"))));
        assertThat(decoder.isInsidePacket()).isFalse();
    }

    @Test
    void decodeSplitAcrossTwoReads() {
        assertThat(decoder.feed(Arrays.copyOfRange(LOGIN, 0, 13))).isEmpty();
        assertThat(decoder.isInsidePacket()).isTrue();

        assertThat(decoder.feed(Arrays.copyOfRange(LOGIN, 13, LOGIN.length)))
                .singleElement().isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void decodeOneByteAtATime() {
        List<Cimd2Decoded> decoded = new ArrayList<>();
        for (byte b : concat(LOGIN, ALIVE)) {
            decoded.addAll(decoder.feed(new byte[] {b}));
        }

        assertThat(decoded).extracting(packet -> ((Cimd2Packet) packet).operation())
                .containsExactly(Cimd2Operation.LOGIN, Cimd2Operation.ALIVE);
    }

    @Test
    void twoPacketsInOneReadComeOutInOrder() {
        assertThat(decoder.feed(concat(ALIVE, LOGIN))).extracting(packet -> ((Cimd2Packet) packet).operation())
                .containsExactly(Cimd2Operation.ALIVE, Cimd2Operation.LOGIN);
    }

    @Test
    void feedHonoursOffsetAndCount() {
        byte[] padded = concat(bytes("xx"), ALIVE, bytes("<STX>99"));

        assertThat(decoder.feed(padded, 2, ALIVE.length)).singleElement().isInstanceOf(Cimd2Packet.class);
        assertThat(decoder.isInsidePacket()).isFalse();
    }

    @Test
    void bytesBeforeTheFirstStxAreIgnored() {
        assertThat(decoder.feed(concat(bytes("\r\nhello<ETX><TAB>"), ALIVE)))
                .containsExactly(new Cimd2Packet(Cimd2Operation.ALIVE, 3, List.of()));
    }

    @Test
    void garbageBetweenPacketsIsSkipped() {
        List<Cimd2Decoded> decoded = decoder.feed(concat(ALIVE, bytes("garbage\u0000\u00FF<ETX>"), LOGIN));

        assertThat(decoded).extracting(packet -> ((Cimd2Packet) packet).operation())
                .containsExactly(Cimd2Operation.ALIVE, Cimd2Operation.LOGIN);
    }

    @Test
    void missingEtxResynchronises() {
        byte[] cut = bytes("<STX>03:005<TAB>021:4477");

        List<Cimd2Decoded> decoded = decoder.feed(concat(cut, LOGIN));

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0)).isEqualTo(new Cimd2DecodeError(Problem.MISSING_ETX,
                "STX at byte 16 of a packet before its ETX", OptionalInt.of(5)));
        assertThat(decoded.get(1)).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void missingEtxBeforeThePacketNumberHasNoNumber() {
        List<Cimd2Decoded> decoded = decoder.feed(concat(bytes("<STX>03:"), ALIVE));

        assertThat(decoded.get(0)).isInstanceOfSatisfying(Cimd2DecodeError.class,
                error -> assertThat(error.packetNumber()).isEmpty());
        assertThat(decoded.get(1)).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void oversizePacketIsRejectedOnceAndTheRestSkippedToTheNextStx() {
        Cimd2Decoder small = new Cimd2Decoder(new Cimd2Decoder.Limits(32, 16), Cimd2ChecksumPolicy.IGNORE);
        byte[] tooLong = bytes("<STX>03:007<TAB>033:abcdefghijklmnop<TAB>033:abcdefghijklmnop<TAB><ETX>");

        List<Cimd2Decoded> decoded = small.feed(concat(tooLong, ALIVE));

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0)).isInstanceOfSatisfying(Cimd2DecodeError.class, error -> {
            assertThat(error.problem()).isEqualTo(Problem.PACKET_TOO_LONG);
            assertThat(error.packetNumber()).hasValue(7);
        });
        assertThat(decoded.get(1)).isEqualTo(new Cimd2Packet(Cimd2Operation.ALIVE, 3, List.of()));
    }

    @Test
    void packetOfExactlyTheLimitIsAccepted() {
        Cimd2Decoder exact = new Cimd2Decoder(new Cimd2Decoder.Limits(ALIVE.length, 16), Cimd2ChecksumPolicy.IGNORE);

        assertThat(exact.feed(ALIVE)).singleElement().isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void oversizeParameterIsRejected() {
        Cimd2Decoder small = new Cimd2Decoder(new Cimd2Decoder.Limits(256, 8), Cimd2ChecksumPolicy.IGNORE);

        List<Cimd2Decoded> decoded = small.feed(concat(
                bytes("<STX>03:009<TAB>021:123456789<TAB><ETX>"), bytes("<STX>03:011<TAB>021:12345678<TAB><ETX>")));

        assertThat(decoded.get(0)).isInstanceOfSatisfying(Cimd2DecodeError.class, error -> {
            assertThat(error.problem()).isEqualTo(Problem.PARAMETER_TOO_LONG);
            assertThat(error.problem().errorCode()).isEqualTo(Cimd2ErrorCode.PARAMETER_FORMATTING_ERROR);
            assertThat(error.packetNumber()).hasValue(9);
        });
        assertThat(decoded.get(1)).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void unknownOperationIsReportedNotThrown() {
        assertThat(decoder.feed(bytes("<STX>77:013<TAB>010:x<TAB><ETX>")))
                .containsExactly(new Cimd2UnknownOperation(77, 13, List.of(new Cimd2Field(10, "x"))));
    }

    @Test
    void unknownParameterCodeIsKeptAsAField() {
        Cimd2Packet packet = (Cimd2Packet) decoder.feed(bytes("<STX>03:015<TAB>777:future<TAB><ETX>")).get(0);

        assertThat(packet.fields()).containsExactly(new Cimd2Field(777, "future"));
        assertThat(packet.fields().get(0).parameter()).isEmpty();
    }

    @Test
    void emptyValueAndValueWithColonsAreKept() {
        Cimd2Packet packet = (Cimd2Packet) decoder.feed(bytes("<STX>03:017<TAB>033:<TAB>901:a:b<TAB><ETX>")).get(0);

        assertThat(packet.fields()).containsExactly(new Cimd2Field(33, ""), new Cimd2Field(901, "a:b"));
    }

    @Test
    void eightBitValuesSurviveAsIsoLatin1Characters() {
        Cimd2Packet packet = (Cimd2Packet) decoder.feed(bytes("<STX>03:019<TAB>033:\u00E9t\u00E9<TAB><ETX>")).get(0);

        assertThat(packet.text(Cimd2Parameter.USER_DATA)).hasValue("\u00E9t\u00E9");
    }

    @Test
    void headerWithoutColonIsMalformed() {
        assertThat(decoder.feed(bytes("<STX>01-001<TAB><ETX>"))).singleElement()
                .isInstanceOfSatisfying(Cimd2DecodeError.class, error -> {
                    assertThat(error.problem()).isEqualTo(Problem.MALFORMED_HEADER);
                    assertThat(error.packetNumber()).hasValue(1);
                });
    }

    @Test
    void packetNumberAbove255IsMalformed() {
        assertThat(decoder.feed(bytes("<STX>01:256<TAB><ETX>"))).singleElement()
                .isInstanceOfSatisfying(Cimd2DecodeError.class, error -> {
                    assertThat(error.problem()).isEqualTo(Problem.MALFORMED_HEADER);
                    assertThat(error.packetNumber()).isEmpty();
                });
    }

    @Test
    void shortestPossibleFramesAreMalformedHeaders() {
        assertThat(decoder.feed(bytes("<STX><ETX><STX>4<ETX><STX>40:003<ETX>")))
                .extracting(error -> ((Cimd2DecodeError) error).problem())
                .containsExactly(Problem.MALFORMED_HEADER, Problem.MALFORMED_HEADER, Problem.MALFORMED_HEADER);
    }

    @Test
    void parameterWithoutColonIsMalformed() {
        assertThat(decoder.feed(bytes("<STX>03:021<TAB>021<TAB><ETX>"))).singleElement()
                .extracting(error -> ((Cimd2DecodeError) error).problem()).isEqualTo(Problem.MALFORMED_PARAMETER);
    }

    @Test
    void twoTabsInARowAreAMalformedParameter() {
        assertThat(decoder.feed(bytes("<STX>03:021<TAB><TAB><ETX>"))).singleElement()
                .extracting(error -> ((Cimd2DecodeError) error).problem()).isEqualTo(Problem.MALFORMED_PARAMETER);
    }

    @Test
    void lastParameterWithoutItsTabIsAMalformedChecksum() {
        assertThat(decoder.feed(bytes("<STX>03:023<TAB>021:123<ETX>"))).singleElement()
                .extracting(error -> ((Cimd2DecodeError) error).problem()).isEqualTo(Problem.MALFORMED_CHECKSUM);
    }
}
