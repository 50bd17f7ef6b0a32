package io.sluice.emulator.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HandshakeDelayTest {

    @Test
    void withoutJitterTheDelayIsTheBaseTime() {
        HandshakeDelay delay = new HandshakeDelay(Duration.ofMillis(5), Duration.ZERO, new Random(1));

        assertThat(delay.next()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void jitterStaysWithinItsBoundsEitherWay() {
        HandshakeDelay delay = new HandshakeDelay(Duration.ofMillis(10), Duration.ofMillis(3), new Random(1));

        IntStream.range(0, 1000).mapToObj(i -> delay.next())
                .forEach(next -> assertThat(next).isBetween(Duration.ofMillis(7), Duration.ofMillis(13)));
    }

    @Test
    void jitterLargerThanTheBaseNeverGoesBelowZero() {
        HandshakeDelay delay = new HandshakeDelay(Duration.ofMillis(1), Duration.ofMillis(50), new Random(1));

        IntStream.range(0, 1000).mapToObj(i -> delay.next())
                .forEach(next -> assertThat(next.isNegative()).isFalse());
    }
}
