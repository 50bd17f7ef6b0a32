package io.sluice.wan;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The path's current conditions, shared by every proxied connection. Writers of the settings are
 * the REST API and tests; readers are the pumps, which look them up for every chunk, so a change
 * applies at once.
 */
final class LinkConditions {

    /**
     * Whether bytes flow, read together with the black-hole epoch in one atomic step: a chunk
     * stamped with an older epoch than the current one was in flight when a black hole began.
     */
    record State(boolean blackHoled, long epoch) {
    }

    private volatile Duration latency;
    private volatile Duration jitter;
    private volatile long bandwidthBytesPerSecond;
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, 0));
    /** Monitor on which connections accepted during a black hole wait for the link to come back. */
    private final Object linkUp = new Object();

    LinkConditions(Duration latency, Duration jitter, long bandwidthBytesPerSecond) {
        setLatency(latency);
        setJitter(jitter);
        setBandwidth(bandwidthBytesPerSecond);
    }

    Duration latency() {
        return latency;
    }

    Duration jitter() {
        return jitter;
    }

    long bandwidth() {
        return bandwidthBytesPerSecond;
    }

    State state() {
        return state.get();
    }

    void setLatency(Duration latency) {
        this.latency = notNegative(latency, "latency");
    }

    void setJitter(Duration jitter) {
        this.jitter = notNegative(jitter, "jitter");
    }

    void setBandwidth(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be 0 (unlimited) or positive: " + bytesPerSecond);
        }
        this.bandwidthBytesPerSecond = bytesPerSecond;
    }

    /** Starts or ends a black hole; returns false if the link already was in that state. */
    boolean blackHole(boolean on) {
        synchronized (linkUp) {
            State current = state.get();
            if (current.blackHoled() == on) {
                return false;
            }
            state.set(new State(on, on ? current.epoch() + 1 : current.epoch()));
            if (!on) {
                linkUp.notifyAll();
            }
            return true;
        }
    }

    /** Blocks while the link is black-holed. */
    void awaitUp() throws InterruptedException {
        synchronized (linkUp) {
            while (state.get().blackHoled()) {
                linkUp.wait();
            }
        }
    }

    private static Duration notNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.compareTo(WanSimulator.MAX_DELAY) > 0) {
            throw new IllegalArgumentException(
                    name + " must be between 0 and " + WanSimulator.MAX_DELAY.toMinutes() + " minutes: " + duration);
        }
        return duration;
    }
}
