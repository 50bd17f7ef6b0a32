package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ReleaseScheduleTest {

    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final Duration JITTER = Duration.ofMillis(40);
    private static final long MILLI = 1_000_000L;

    @Test
    void withoutJitterEveryChunkLeavesOneLatencyAfterItArrived() {
        ReleaseSchedule schedule = new ReleaseSchedule(new Random(1));

        assertThat(schedule.releaseAt(0, LATENCY, Duration.ZERO)).isEqualTo(100 * MILLI);
        assertThat(schedule.releaseAt(5 * MILLI, LATENCY, Duration.ZERO)).isEqualTo(105 * MILLI);
    }

    @Test
    void jitterNeverReordersChunksThatArriveCloseTogether() {
        ReleaseSchedule schedule = new ReleaseSchedule(new Random(7));

        long[] releases = LongStream.range(0, 1_000)
                .map(i -> schedule.releaseAt(i * MILLI / 10, LATENCY, JITTER)).toArray();

        for (int i = 1; i < releases.length; i++) {
            assertThat(releases[i]).isGreaterThanOrEqualTo(releases[i - 1]);
        }
        assertThat(LongStream.of(releases).distinct().count()).as("jitter varies the delays").isGreaterThan(10);
    }

    @Test
    void chunksFarApartGetADelayWithinLatencyPlusOrMinusJitter() {
        ReleaseSchedule schedule = new ReleaseSchedule(new Random(3));
        long spacing = 1_000 * MILLI; // more than any delay, so no chunk waits for the one ahead

        for (int i = 0; i < 1_000; i++) {
            long delay = schedule.releaseAt(i * spacing, LATENCY, JITTER) - i * spacing;
            assertThat(delay).isBetween(60 * MILLI, 140 * MILLI);
        }
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        ReleaseSchedule first = new ReleaseSchedule(new Random(99));
        ReleaseSchedule second = new ReleaseSchedule(new Random(99));

        for (int i = 0; i < 100; i++) {
            assertThat(second.releaseAt(i * MILLI, LATENCY, JITTER)).isEqualTo(first.releaseAt(i * MILLI, LATENCY, JITTER));
        }
    }

    @Test
    void jitterLargerThanLatencyNeverReleasesBeforeArrival() {
        ReleaseSchedule schedule = new ReleaseSchedule(new Random(5));

        for (int i = 0; i < 1_000; i++) {
            long arrival = i * 1_000 * MILLI;
            assertThat(schedule.releaseAt(arrival, Duration.ofMillis(1), Duration.ofMillis(50)))
                    .isGreaterThanOrEqualTo(arrival);
        }
    }

    @Test
    void orderHoldsAcrossTheWrapOfNanoTime() {
        ReleaseSchedule schedule = new ReleaseSchedule(new Random(1));
        long nearWrap = Long.MAX_VALUE - 50 * MILLI;

        long first = schedule.releaseAt(nearWrap, LATENCY, Duration.ZERO); // wraps to a negative value
        long second = schedule.releaseAt(nearWrap + MILLI, Duration.ZERO, Duration.ZERO);

        assertThat(second).as("waits for the chunk ahead even though it compares lower").isEqualTo(first);
    }
}
