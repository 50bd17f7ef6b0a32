package io.sluice.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.sluice.broker.groupcommit.BatchListener;
import org.apache.camel.Exchange;

/**
 * Watches the link to each peer through its heart-beats (the seed's Figure 3, loop 301): silence
 * longer than {@code extendedInterruption} is an extended interruption; the first heart-beat after
 * one ends it, and the caller re-synchronises.
 */
public final class LinkMonitor implements BatchListener {

    /** What is known about the link to one carrier's peer. */
    public static final class LinkState {
        private volatile Instant lastHeard;
        private volatile boolean up;
        private volatile Instant lastInterruptionAt;
        private final AtomicLong interruptions = new AtomicLong();
        private final AtomicLong replays = new AtomicLong();
        private final AtomicLong rebuilds = new AtomicLong();
        private final RoundTrip roundTrip = new RoundTrip();

        public Instant lastHeard() {
            return lastHeard;
        }

        public boolean up() {
            return up;
        }

        public Instant lastInterruptionAt() {
            return lastInterruptionAt;
        }

        public long interruptions() {
            return interruptions.get();
        }

        public long replays() {
            return replays.get();
        }

        public long rebuilds() {
            return rebuilds.get();
        }

        /** The latest round-trip time measured on the heart-beats, if any came back echoed yet. */
        public java.util.Optional<Duration> roundTripTime() {
            return roundTrip.last();
        }

        void replayed() {
            replays.incrementAndGet();
        }

        void rebuilt() {
            rebuilds.incrementAndGet();
        }
    }

    private final Duration extendedInterruption;
    private final Clock clock;
    private final Map<String, LinkState> states = new ConcurrentHashMap<>();

    public LinkMonitor(Duration extendedInterruption, Clock clock) {
        this.extendedInterruption = extendedInterruption;
        this.clock = clock;
    }

    public Duration extendedInterruption() {
        return extendedInterruption;
    }

    public LinkState state(String carrier) {
        return states.computeIfAbsent(carrier, c -> new LinkState());
    }

    public Map<String, LinkState> states() {
        return Map.copyOf(states);
    }

    /**
     * A heart-beat arrived. Returns true when it ends an extended interruption (or is the first one
     * since this process started): the caller then resends its replay window.
     */
    public boolean heard(String carrier) {
        LinkState state = state(carrier);
        synchronized (state) { // with the heart-beat timer's check: one of them ends an interruption, not both
            checkOne(state);
            boolean reconnected = !state.up;
            state.lastHeard = clock.instant();
            state.up = true;
            return reconnected;
        }
    }

    /**
     * A heart-beat arrived with the peer's round-trip stamps (see {@link RoundTrip}); as {@link #heard(String)}.
     */
    public boolean heard(String carrier, java.util.Optional<RoundTrip.Stamps> stamps) {
        stamps.ifPresent(s -> state(carrier).roundTrip.incoming(s, clock.millis()));
        return heard(carrier);
    }

    /**
     * The transactions of these exchanges rolled back (or may have): a heart-beat among them that ended an
     * interruption ({@link LinkHeaders#RECONNECTED_PROPERTY}) did not, since the replay it sent was rolled
     * back too. The link counts as interrupted until the heart-beat is redelivered, which then replays
     * again (a replay the peer already has is confirmed again, nothing more).
     */
    @Override
    public void rolledBack(List<Exchange> exchanges) {
        exchanges.stream()
                .map(exchange -> exchange.getProperty(LinkHeaders.RECONNECTED_PROPERTY, String.class))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(carrier -> {
                    LinkState state = state(carrier);
                    synchronized (state) {
                        state.up = false;
                    }
                });
    }

    /** The round-trip stamps for the next heart-beat to this carrier's peer. */
    public RoundTrip.Stamps stampsFor(String carrier) {
        return state(carrier).roundTrip.outgoing(clock.millis());
    }

    /** Marks links silent for longer than the threshold as interrupted (called with every beat). */
    public void check() {
        states.values().forEach(this::checkOne);
    }

    /**
     * Under the state's lock: the timer's check and a heart-beat's arrival each read and then change the
     * state, and interleaved (the check reading "up", the beat arriving, the check marking it down) a beat
     * just heard left the link down, so the next one replayed a second time.
     */
    private void checkOne(LinkState state) {
        synchronized (state) {
            Instant heard = state.lastHeard;
            if (state.up && heard != null && Duration.between(heard, clock.instant()).compareTo(extendedInterruption) > 0) {
                state.up = false;
                state.lastInterruptionAt = clock.instant();
                state.interruptions.incrementAndGet();
            }
        }
    }
}
