package io.sluice.link;

import java.time.Duration;
import java.util.Optional;

/**
 * Round-trip time of one link, measured on its heart-beats without comparing the two ends' clocks: each
 * heart-beat carries its sender's send time, and echoes the send time of the last heart-beat heard from
 * the peer with how long it was held before this one left (as NTP does). The sender of the echoed
 * heart-beat then has two readings of its own clock: RTT = now − echoed − held. A peer that sends no
 * stamps (an older version) simply yields no samples.
 */
public final class RoundTrip {

    /** What a heart-beat carries; {@code echoed} and {@code heldMillis} are null until the peer was heard. */
    public record Stamps(long sentAt, Long echoed, Long heldMillis) {
    }

    private long peerSentAt;
    private long peerHeardAt;
    private boolean peerHeard;
    private volatile Duration last;

    /** The stamps for a heart-beat leaving now. */
    public synchronized Stamps outgoing(long nowMillis) {
        return peerHeard ? new Stamps(nowMillis, peerSentAt, nowMillis - peerHeardAt) : new Stamps(nowMillis, null, null);
    }

    /** A heart-beat from the peer arrived; returns the new sample if it echoed one of ours. */
    public synchronized Optional<Duration> incoming(Stamps stamps, long nowMillis) {
        peerSentAt = stamps.sentAt();
        peerHeardAt = nowMillis;
        peerHeard = true;
        if (stamps.echoed() == null || stamps.heldMillis() == null) {
            return Optional.empty();
        }
        long rtt = nowMillis - stamps.echoed() - stamps.heldMillis();
        if (rtt < 0) {
            return Optional.empty(); // a corrupt or replayed stamp; never a negative RTT
        }
        last = Duration.ofMillis(rtt);
        return Optional.of(last);
    }

    /** The latest sample, empty before the first echo came back. */
    public Optional<Duration> last() {
        return Optional.ofNullable(last);
    }
}
