package io.sluice.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads a counter again and again until it satisfies a condition, or a deadline passes. */
final class Polling {

    /** Short enough that a window of a few seconds is timed to within a percent. */
    static final Duration INTERVAL = Duration.ofMillis(20);

    private Polling() {
    }

    /** The first reading that satisfies {@code done}; the last reading if {@code timeout} passes first. */
    static <T> T until(Supplier<T> read, Predicate<T> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T reading = read.get();
        while (!done.test(reading) && System.nanoTime() < deadline) {
            Thread.sleep(INTERVAL.toMillis()); // pacing the reads of a remote counter, not synchronisation
            reading = read.get();
        }
        return reading;
    }

    /** Waits until {@link System#nanoTime()} reaches {@code due}: pacing a sender to a schedule. */
    static void pauseUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Seconds between two {@link System#nanoTime()} readings. */
    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
