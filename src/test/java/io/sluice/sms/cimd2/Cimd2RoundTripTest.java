package io.sluice.sms.cimd2;

import static io.sluice.sms.cimd2.Cimd2Bytes.readable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every operation and every parameter survive encoder then decoder, with and without checksum. */
class Cimd2RoundTripTest {

    @ParameterizedTest
    @EnumSource(Cimd2Operation.class)
    void everyOperationRoundTrips(Cimd2Operation operation) {
        Cimd2Packet packet = Cimd2Packet.builder(operation).packetNumber(operation.code() % 2 == 0 ? 254 : 255)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, "+447700900123")
                .addText(Cimd2Parameter.USER_DATA, "\u00C4pfel & \u20AC_{x}")
                .add(Cimd2Parameter.DATA_CODING_SCHEME, 0).build();

        for (boolean withChecksum : new boolean[] {true, false}) {
            byte[] encoded = new Cimd2Encoder(withChecksum).encode(packet);
            List<Cimd2Decoded> decoded = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT,
                    withChecksum ? Cimd2ChecksumPolicy.REQUIRE : Cimd2ChecksumPolicy.VERIFY_IF_PRESENT).feed(encoded);
            assertThat(decoded).as(readable(encoded)).containsExactly(packet);
        }
    }

    @ParameterizedTest
    @EnumSource(Cimd2Parameter.class)
    void everyParameterRoundTrips(Cimd2Parameter parameter) {
        String value = "9".repeat(parameter.maxLength());
        Cimd2Packet packet = Cimd2Packet.builder(Cimd2Operation.SUBMIT).packetNumber(1).add(parameter, value).build();

        Cimd2Packet decoded = (Cimd2Packet) new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT, Cimd2ChecksumPolicy.REQUIRE)
                .feed(new Cimd2Encoder(true).encode(packet)).get(0);

        assertThat(decoded.value(parameter)).hasValue(value);
        assertThat(decoded.fields().get(0).parameter()).hasValue(parameter);
    }
}
