package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SlidingRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SlidingRate rate = new SlidingRate(now::get);

    @Test
    void countsTheLastSixtyWholeSecondsOnly() {
        for (int second = 0; second < 120; second++) {
            record(3);
            now.addAndGet(1000);
        }
        assertThat(rate.perSecond()).isEqualTo(3.0);
        assertThat(rate.total()).isEqualTo(360);

        record(100); // the current second is not whole yet
        assertThat(rate.perSecond()).isEqualTo(3.0);
        now.addAndGet(1000);
        assertThat(rate.perSecond()).isEqualTo((59 * 3 + 100) / 60.0);
    }

    @Test
    void fallsToZeroAfterAQuietMinuteAndReusesItsBuckets() {
        record(60);
        now.addAndGet(61_000);
        assertThat(rate.perSecond()).isZero();
        record(1);
        now.addAndGet(1000);
        assertThat(rate.perSecond()).isEqualTo(1 / 60.0);
        assertThat(rate.total()).isEqualTo(61);
    }

    private void record(int events) {
        for (int i = 0; i < events; i++) {
            rate.record();
        }
    }
}
