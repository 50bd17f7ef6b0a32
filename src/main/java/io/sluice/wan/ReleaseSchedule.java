package io.sluice.wan;

import java.time.Duration;
import java.util.Random;

/**
 * When each chunk of one direction leaves the delay line: at its arrival plus the one-way latency
 * plus a uniform jitter in [-jitter, +jitter], but never before the chunk ahead of it. TCP is a
 * stream, so jitter may bunch chunks up but must never reorder them.
 */
final class ReleaseSchedule {

    private final Random random;
    private boolean anyReleased;
    private long lastReleaseNanos;

    ReleaseSchedule(Random random) {
        this.random = random;
    }

    /** The release time of a chunk that arrived at {@code arrivalNanos} ({@link System#nanoTime()} scale). */
    long releaseAt(long arrivalNanos, Duration latency, Duration jitter) {
        long delayNanos = Math.max(0, latency.toNanos() + jitterNanos(jitter));
        long release = arrivalNanos + delayNanos;
        // nanoTime values are compared by difference: they may wrap around
        if (anyReleased && lastReleaseNanos - release > 0) {
            release = lastReleaseNanos;
        }
        anyReleased = true;
        lastReleaseNanos = release;
        return release;
    }

    private long jitterNanos(Duration jitter) {
        if (jitter.isZero()) {
            return 0;
        }
        return Math.round((random.nextDouble() * 2 - 1) * jitter.toNanos());
    }
}
