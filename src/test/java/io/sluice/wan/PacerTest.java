package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MILLI = 1_000_000L;
    private static final long RATE = 100_000; // bytes per second: 1,000 bytes take 10 ms

    @Test
    void unlimitedWritesAChunkAtOnceInOneSlice() {
        Pacer pacer = new Pacer();

        assertThat(Pacer.sliceBytes(Pacer.UNLIMITED, 16_384)).isEqualTo(16_384);
        assertThat(pacer.transmittedAt(123, 16_384, Pacer.UNLIMITED)).isEqualTo(123);
    }

    @Test
    void aSliceIsTenMillisecondsOfTransmission() {
        assertThat(Pacer.sliceBytes(RATE, 16_384)).isEqualTo(1_000);
        assertThat(Pacer.sliceBytes(RATE, 300)).isEqualTo(300);
    }

    @Test
    void aVerySlowLinkStillMovesOneByteAtATime() {
        assertThat(Pacer.sliceBytes(10, 16_384)).isEqualTo(1);
    }

    @Test
    void backToBackSlicesLeaveOneTransmissionTimeApart() {
        Pacer pacer = new Pacer();

        assertThat(pacer.transmittedAt(0, 1_000, RATE)).isEqualTo(10 * MILLI);
        assertThat(pacer.transmittedAt(0, 1_000, RATE)).isEqualTo(20 * MILLI);
        assertThat(pacer.transmittedAt(5 * MILLI, 500, RATE)).isEqualTo(25 * MILLI);
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() {
        Pacer pacer = new Pacer();
        pacer.transmittedAt(0, 1_000, RATE);

        assertThat(pacer.transmittedAt(1_000 * MILLI, 1_000, RATE)).isEqualTo(1_010 * MILLI);
    }

    @Test
    void aNewRateAppliesToTheNextSlice() {
        Pacer pacer = new Pacer();
        pacer.transmittedAt(0, 1_000, RATE);

        assertThat(pacer.transmittedAt(0, 1_000, RATE * 10)).isEqualTo(11 * MILLI);
    }
}
