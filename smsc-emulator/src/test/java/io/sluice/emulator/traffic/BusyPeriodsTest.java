package io.sluice.emulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BusyPeriodsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final BusyPeriods busy = new BusyPeriods(now::get);

    @Test
    void aPeriodLastsFromBecomingBusyToBecomingIdle() {
        assertThat(busy.update(true)).isZero();
        now.addAndGet(2_000_000);

        assertThat(busy.update(false)).isEqualTo(2_000_000);
    }

    @Test
    void stayingBusyDoesNotRestartThePeriod() {
        busy.update(true);
        now.addAndGet(500);
        assertThat(busy.update(true)).isZero();
        now.addAndGet(500);

        assertThat(busy.update(false)).isEqualTo(1_000);
    }

    @Test
    void idleTimeIsNotCounted() {
        assertThat(busy.update(false)).isZero();
        now.addAndGet(10_000);
        busy.update(true);
        now.addAndGet(300);
        busy.update(false);
        now.addAndGet(10_000);

        assertThat(busy.update(false)).isZero();
    }
}
