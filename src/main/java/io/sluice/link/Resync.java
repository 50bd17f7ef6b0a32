package io.sluice.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.sluice.ring.Pointers;
import io.sluice.ring.Slot;

/**
 * The origin's half of the synchronisation procedure (seed, Figure 3): after an extended
 * interruption, resend Last Confirmed..Last Sent; if the mirror shows it lost its store (its Last
 * Confirmed is behind what it had already confirmed to this end when it took its pointers), tell it
 * the floor and resend everything unprocessed.
 * Also the other way round: an origin that lost its store adopts the mirror's position, so it never
 * reuses a sequence number.
 *
 * <p>"Behind" is judged against the origin's Last Confirmed that the mirror echoes from the origin's
 * latest heart-beat it heard, not against the origin's Last Confirmed now (ADR 0024): a heart-beat
 * and the mirror's confirmations leave on different sessions, so a confirmation made after the
 * heart-beat's pointers were read can reach the origin first, and the origin's own pointer is then
 * ahead of the heart-beat although nothing was lost.
 */
public final class Resync {

    private final Duration rebuildCooldown;
    private final Clock clock;
    private final Map<String, Instant> lastRebuild = new ConcurrentHashMap<>();

    public Resync(Duration rebuildCooldown, Clock clock) {
        this.rebuildCooldown = rebuildCooldown;
        this.clock = clock;
    }

    /**
     * @param origin      this end's origin ring for the direction
     * @param mirror      the peer's pointers for the same ring, from its heart-beat
     * @param echoed      this end's Last Confirmed for the ring as the mirror had heard it when it read
     *                    those pointers ({@link Heartbeats#echoedConfirmed}); empty if it had heard none
     * @param reconnected this heart-beat ended an extended interruption
     * @param resend      sends one slot again on the link
     * @param rebuild     tells the mirror the floor it must adopt
     */
    public void onHeartbeat(RingHandle origin, Pointers mirror, OptionalLong echoed, boolean reconnected,
                            LinkMonitor.LinkState link, SlotSender resend, FloorSender rebuild) {
        Pointers mine = origin.pointers();
        if (mirror.lastRetrieved() > mine.lastRetrieved()) {
            // This end lost its store: continue after what the mirror already has.
            origin.adoptFloor(mirror.lastRetrieved());
            origin.markPositionKnown();
            return;
        }
        origin.markPositionKnown();
        // The echo only counts confirmations the mirror made before it heard it, so the mirror's pointers,
        // read after that, are at or above it unless it lost its store (newer messages may have reached
        // it since, so Last Retrieved proves nothing). No echo: it has not heard us since it started.
        boolean lostStore = echoed.isPresent() && mirror.lastConfirmed() < echoed.getAsLong();
        if (lostStore && rebuildDue(origin.name(), reconnected)) {
            rebuild.send(mine.lastProcessed());
            send(origin.ring().rebuildWindow(), resend);
            link.rebuilt();
        } else if (reconnected) {
            send(origin.ring().replayWindow(), resend);
            link.replayed();
        }
    }

    private boolean rebuildDue(String ring, boolean reconnected) {
        Instant now = clock.instant();
        Instant last = lastRebuild.get(ring);
        if (reconnected || last == null || Duration.between(last, now).compareTo(rebuildCooldown) > 0) {
            lastRebuild.put(ring, now);
            return true;
        }
        return false;
    }

    private static void send(List<Slot> slots, SlotSender resend) {
        slots.forEach(resend::send);
    }

    /** Sends one slot again as a data message. */
    @FunctionalInterface
    public interface SlotSender {
        void send(Slot slot);
    }

    /** Sends the rebuild instruction carrying the origin's Last Processed. */
    @FunctionalInterface
    public interface FloorSender {
        void send(long floor);
    }
}
