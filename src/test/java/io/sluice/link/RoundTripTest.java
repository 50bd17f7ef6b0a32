package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Round-trip time from echoed heart-beat stamps, with two ends whose clocks disagree by an hour. */
class RoundTripTest {

    private static final long CORE_CLOCK = 1_000_000;
    private static final long EDGE_CLOCK = CORE_CLOCK + 3_600_000;

    @Test
    void echoedStampGivesRoundTripMinusTheTimeThePeerHeldIt() {
        RoundTrip core = new RoundTrip();
        RoundTrip edge = new RoundTrip();
        RoundTrip.Stamps first = core.outgoing(CORE_CLOCK);
        assertThat(first.echoed()).isNull();
        // 150 ms to the edge, which sends its own beat 700 ms later, 150 ms back
        assertThat(edge.incoming(first, EDGE_CLOCK + 150)).isEmpty();
        RoundTrip.Stamps answer = edge.outgoing(EDGE_CLOCK + 850);
        assertThat(answer.echoed()).isEqualTo(CORE_CLOCK);
        assertThat(answer.heldMillis()).isEqualTo(700);
        assertThat(core.incoming(answer, CORE_CLOCK + 1000)).contains(Duration.ofMillis(300));
        assertThat(core.last()).contains(Duration.ofMillis(300));
    }

    @Test
    void peerWithoutStampsGivesNoSample() {
        RoundTrip core = new RoundTrip();
        assertThat(core.incoming(new RoundTrip.Stamps(EDGE_CLOCK, null, null), CORE_CLOCK)).isEmpty();
        assertThat(core.last()).isEmpty();
    }

    @Test
    void impossibleEchoIsIgnoredNotNegative() {
        RoundTrip core = new RoundTrip();
        assertThat(core.incoming(new RoundTrip.Stamps(EDGE_CLOCK, CORE_CLOCK + 500, 0L), CORE_CLOCK)).isEmpty();
        assertThat(core.last()).isEmpty();
    }
}
