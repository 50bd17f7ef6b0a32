package io.sluice.emulator.smpp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The simulated SMSC processing time before a request is answered: a base time plus a uniformly
 * drawn jitter of up to the same amount either way, never below zero. The delay is the behaviour being
 * emulated, which is why it blocks the (pooled) processing thread.
 */
public final class HandshakeDelay {

    private final long baseNanos;
    private final long jitterNanos;
    private final RandomGenerator random;

    public HandshakeDelay(Duration base, Duration jitter, RandomGenerator random) {
        this.baseNanos = base.toNanos();
        this.jitterNanos = jitter.toNanos();
        this.random = random;
    }

    public Duration next() {
        long offset = jitterNanos == 0 ? 0 : random.nextLong(-jitterNanos, jitterNanos + 1);
        return Duration.ofNanos(Math.max(0, baseNanos + offset));
    }

    void pause() throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(next().toNanos());
    }
}
