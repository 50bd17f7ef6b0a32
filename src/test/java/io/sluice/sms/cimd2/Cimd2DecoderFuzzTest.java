package io.sluice.sms.cimd2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Properties of {@link Cimd2Decoder} for any input whatever. A normal test run replays the seed corpus in
 * {@code src/test/resources/io/sluice/sms/cimd2/Cimd2DecoderFuzzTestInputs/decoderNeverThrowsAndKeepsSync/}
 * (Jazzer's regression mode); {@code JAZZER_FUZZ=1 mvn test -Dtest=Cimd2DecoderFuzzTest} fuzzes for real and
 * adds any crashing input to that directory.
 */
class Cimd2DecoderFuzzTest {

    private static final Cimd2Packet PROBE = Cimd2Packet.builder(Cimd2Operation.SUBMIT).packetNumber(201)
            .add(Cimd2Parameter.DESTINATION_ADDRESS, "447700900123").addText(Cimd2Parameter.USER_DATA, "sync \u00E4_{").build();
    private static final byte[] PROBE_BYTES = new Cimd2Encoder(true).encode(PROBE);
    /** Small limits, so that the fuzzer reaches them. */
    private static final Cimd2Decoder.Limits LIMITS = new Cimd2Decoder.Limits(96, 24);
    private static final int CHUNK_SIZES = 8;

    /**
     * Whatever arrives, in whatever chunks: no exception, every packet decoded re-encodes to itself, and a
     * valid packet sent afterwards is decoded (the stream never loses sync).
     */
    @FuzzTest(maxDuration = "60s")
    void decoderNeverThrowsAndKeepsSync(byte[] input) {
        Cimd2ChecksumPolicy policy = Cimd2ChecksumPolicy.values()[input.length % Cimd2ChecksumPolicy.values().length];
        Cimd2Decoder decoder = new Cimd2Decoder(LIMITS, policy);
        int chunk = input.length == 0 ? 1 : (input[0] & (CHUNK_SIZES - 1)) + 1;

        List<Cimd2Decoded> decoded = new ArrayList<>();
        for (int from = 0; from < input.length; from += chunk) {
            decoded.addAll(decoder.feed(Arrays.copyOfRange(input, from, Math.min(input.length, from + chunk))));
        }
        for (Cimd2Decoded result : decoded) {
            if (result instanceof Cimd2Packet packet) {
                // The checksum adds two bytes, so the copy may exceed the small limit; decode it with room to spare.
                assertThat(new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT, Cimd2ChecksumPolicy.REQUIRE)
                        .feed(new Cimd2Encoder(true).encode(packet)))
                        .containsExactly(packet);
            }
        }

        List<Cimd2Decoded> afterwards = decoder.feed(PROBE_BYTES);
        assertThat(afterwards).isNotEmpty();
        assertThat(afterwards.get(afterwards.size() - 1)).isEqualTo(PROBE);
        assertThat(decoder.isInsidePacket()).isFalse();
    }
}
