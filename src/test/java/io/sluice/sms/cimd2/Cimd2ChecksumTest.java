package io.sluice.sms.cimd2;

import static io.sluice.sms.cimd2.Cimd2Bytes.bytes;
import static io.sluice.sms.cimd2.Cimd2Bytes.readable;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sms.cimd2.Cimd2DecodeError.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optional checksum (CIMD Interface Specification §3.3). The expected sums were worked out apart from
 * this code: the octets from STX through the last TAB added up, modulo 256.
 */
class Cimd2ChecksumTest {

    private static final String LOGIN = "<STX>01:001<TAB>010:sluice<TAB>011:secret<TAB>";
    private static final String SUBMIT = "<STX>03:003<TAB>021:447700900123<TAB>033:Hello_gd<TAB>";
    private static final String SUBMIT_RESPONSE = "<STX>53:003<TAB>021:447700900123<TAB>060:251124153000<TAB>";

    @Test
    void checksumOfLoginIsEB() {
        byte[] octets = bytes(LOGIN);

        assertThat(Cimd2Checksum.format(Cimd2Checksum.of(octets, 0, octets.length - 1))).isEqualTo("EB");
    }

    @Test
    void encoderAppendsTheChecksumBeforeEtx() {
        Cimd2Packet submit = Cimd2Packet.builder(Cimd2Operation.SUBMIT).packetNumber(3)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "447700900123").addText(Cimd2Parameter.USER_DATA, "Hello\u0394")
                .build();
        Cimd2Packet response = Cimd2Packet.builder(Cimd2Operation.SUBMIT_RESPONSE).packetNumber(3)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "447700900123")
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, "251124153000").build();

        assertThat(readable(new Cimd2Encoder(true).encode(submit))).isEqualTo(SUBMIT + "6D<ETX>");
        assertThat(readable(new Cimd2Encoder(true).encode(response))).isEqualTo(SUBMIT_RESPONSE + "AC<ETX>");
        assertThat(readable(new Cimd2Encoder(false).encode(response))).isEqualTo(SUBMIT_RESPONSE + "<ETX>");
    }

    @Test
    void correctChecksumIsAcceptedUnderEveryPolicy() {
        for (Cimd2ChecksumPolicy policy : Cimd2ChecksumPolicy.values()) {
            assertThat(decode(policy, LOGIN + "EB<ETX>")).as(policy.name()).isInstanceOf(Cimd2Packet.class);
        }
    }

    @Test
    void lowerCaseChecksumIsAccepted() {
        assertThat(decode(Cimd2ChecksumPolicy.REQUIRE, LOGIN + "eb<ETX>")).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void requirePolicyRejectsAPacketWithoutChecksum() {
        assertThat(decode(Cimd2ChecksumPolicy.REQUIRE, LOGIN + "<ETX>")).isInstanceOfSatisfying(Cimd2DecodeError.class,
                error -> {
                    assertThat(error.problem()).isEqualTo(Problem.CHECKSUM_MISSING);
                    assertThat(error.packetNumber()).hasValue(1);
                });
    }

    @Test
    void verifyIfPresentAcceptsAPacketWithoutChecksum() {
        assertThat(decode(Cimd2ChecksumPolicy.VERIFY_IF_PRESENT, LOGIN + "<ETX>")).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void wrongChecksumIsAMismatchAndAsksForRetransmission() {
        for (Cimd2ChecksumPolicy policy : List.of(Cimd2ChecksumPolicy.REQUIRE, Cimd2ChecksumPolicy.VERIFY_IF_PRESENT)) {
            assertThat(decode(policy, LOGIN + "EA<ETX>")).as(policy.name())
                    .isInstanceOfSatisfying(Cimd2DecodeError.class, error -> {
                        assertThat(error.problem()).isEqualTo(Problem.CHECKSUM_MISMATCH);
                        assertThat(error.problem().isTransmissionError()).isTrue();
                        assertThat(error.detail()).isEqualTo("checksum EA but the packet sums to EB");
                    });
        }
    }

    @Test
    void ignorePolicyAcceptsAWrongChecksum() {
        assertThat(decode(Cimd2ChecksumPolicy.IGNORE, LOGIN + "00<ETX>")).isInstanceOf(Cimd2Packet.class);
    }

    @Test
    void checksumOfOneOrThreeDigitsOrNotHexIsMalformedUnderEveryPolicy() {
        for (Cimd2ChecksumPolicy policy : Cimd2ChecksumPolicy.values()) {
            for (String trailer : List.of("E", "EBB", "G0")) {
                assertThat(decode(policy, LOGIN + trailer + "<ETX>")).as(policy + " " + trailer)
                        .isInstanceOfSatisfying(Cimd2DecodeError.class,
                                error -> assertThat(error.problem()).isEqualTo(Problem.MALFORMED_CHECKSUM));
            }
        }
    }

    private static Cimd2Decoded decode(Cimd2ChecksumPolicy policy, String readable) {
        List<Cimd2Decoded> decoded = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT, policy).feed(bytes(readable));
        assertThat(decoded).hasSize(1);
        return decoded.get(0);
    }
}
