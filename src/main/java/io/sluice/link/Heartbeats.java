package io.sluice.link;

import java.util.Collection;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.sluice.im.Headers;
import io.sluice.ring.Direction;
import io.sluice.ring.Pointers;
import org.apache.camel.Message;

/**
 * Heart-beats carry the sender's pointers for each of its rings with the peer, and echo the peer's
 * Last Confirmed from the peer's latest heart-beat heard (ADR 0024).
 */
public final class Heartbeats {

    private static final String RETRIEVED = "retrieved";
    private static final String SENT = "sent";
    private static final String CONFIRMED = "confirmed";
    private static final String PROCESSED = "processed";
    /** The sender's slots for the ring: both ends must have the same (ADR 0039). */
    private static final String CAPACITY = "capacity";
    /** What a version before ADR 0039 sent instead: one size, which it had for both its rings (it read none). */
    private static final String LEGACY_CAPACITY = "ring_capacity";
    /** The peer's Last Confirmed of the ring, as the peer's latest heart-beat heard here said. */
    private static final String PEER_CONFIRMED = "peer_confirmed";

    private Heartbeats() {
    }

    /** A heart-beat with the pointers and the round-trip stamps ({@link RoundTrip}). */
    public static Message write(Outgoing out, String queue, String carrier, Collection<RingHandle> rings,
                                RoundTrip.Stamps stamps) {
        Message message = out.to(queue, "heartbeat " + carrier);
        message.setHeader(LinkHeaders.BEAT_SENT_AT, stamps.sentAt());
        if (stamps.echoed() != null) {
            message.setHeader(LinkHeaders.BEAT_ECHO, stamps.echoed());
            message.setHeader(LinkHeaders.BEAT_ECHO_HELD, stamps.heldMillis());
        }
        message.setHeader(LinkHeaders.KIND, LinkHeaders.KIND_HEARTBEAT);
        message.setHeader(Headers.CARRIER, carrier);
        for (RingHandle ring : rings) {
            if (!ring.carrier().equals(carrier)) {
                continue;
            }
            String direction = ring.direction().code();
            // The echo before the pointers: the peer's Last Confirmed only counts confirmations this
            // end made before hearing it, so pointers read afterwards are at or above it (Resync).
            OptionalLong peerConfirmed = ring.peerConfirmed();
            Pointers pointers = ring.pointers();
            peerConfirmed.ifPresent(echo -> message.setHeader(LinkHeaders.pointer(direction, PEER_CONFIRMED), echo));
            message.setHeader(LinkHeaders.pointer(direction, CAPACITY), ring.capacity());
            message.setHeader(LinkHeaders.pointer(direction, RETRIEVED), pointers.lastRetrieved());
            message.setHeader(LinkHeaders.pointer(direction, SENT), pointers.lastSent());
            message.setHeader(LinkHeaders.pointer(direction, CONFIRMED), pointers.lastConfirmed());
            message.setHeader(LinkHeaders.pointer(direction, PROCESSED), pointers.lastProcessed());
        }
        return message;
    }

    /**
     * A heart-beat from the peer: each of this end's rings with it remembers the peer's pointers, to echo them,
     * and its number of slots, to tell the operator if the two ends differ.
     */
    public static void heard(Message heartbeat, String carrier, Collection<RingHandle> rings) {
        for (RingHandle ring : rings) {
            if (ring.carrier().equals(carrier)) {
                Integer capacity = heartbeat.getHeader(LinkHeaders.pointer(ring.direction().code(), CAPACITY), Integer.class);
                if (capacity == null) {
                    capacity = heartbeat.getHeader(LEGACY_CAPACITY, Integer.class);
                }
                ring.heardPeer(read(heartbeat, ring.direction()),
                        capacity == null ? OptionalInt.empty() : OptionalInt.of(capacity));
            }
        }
    }

    /** The round-trip stamps of the peer's heart-beat; empty from a peer that sends none (an older version). */
    public static java.util.Optional<RoundTrip.Stamps> stamps(Message heartbeat) {
        Long sentAt = heartbeat.getHeader(LinkHeaders.BEAT_SENT_AT, Long.class);
        return sentAt == null ? java.util.Optional.empty() : java.util.Optional.of(new RoundTrip.Stamps(sentAt,
                heartbeat.getHeader(LinkHeaders.BEAT_ECHO, Long.class),
                heartbeat.getHeader(LinkHeaders.BEAT_ECHO_HELD, Long.class)));
    }

    /** The peer's pointers for one direction, from its heart-beat. */
    public static Pointers read(Message heartbeat, Direction direction) {
        String code = direction.code();
        return new Pointers(
                heartbeat.getHeader(LinkHeaders.pointer(code, RETRIEVED), 0L, Long.class),
                heartbeat.getHeader(LinkHeaders.pointer(code, SENT), 0L, Long.class),
                heartbeat.getHeader(LinkHeaders.pointer(code, CONFIRMED), 0L, Long.class),
                heartbeat.getHeader(LinkHeaders.pointer(code, PROCESSED), 0L, Long.class));
    }

    /**
     * This end's Last Confirmed for one direction, as the peer had last heard it when it sent this
     * heart-beat; empty if the peer had heard none yet (or is an older version that does not echo).
     */
    public static OptionalLong echoedConfirmed(Message heartbeat, Direction direction) {
        Long echoed = heartbeat.getHeader(LinkHeaders.pointer(direction.code(), PEER_CONFIRMED), Long.class);
        return echoed == null ? OptionalLong.empty() : OptionalLong.of(echoed);
    }
}
