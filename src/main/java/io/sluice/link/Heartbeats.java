package io.sluice.link;

import java.util.Collection;

import io.sluice.im.Headers;
import io.sluice.ring.Direction;
import io.sluice.ring.Pointers;
import org.apache.camel.Message;

/** Heart-beats carry the sender's pointers for each of its rings with the peer. */
public final class Heartbeats {

    private static final String RETRIEVED = "retrieved";
    private static final String SENT = "sent";
    private static final String CONFIRMED = "confirmed";
    private static final String PROCESSED = "processed";

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
            Pointers pointers = ring.pointers();
            message.setHeader(LinkHeaders.CAPACITY, ring.capacity());
            message.setHeader(LinkHeaders.pointer(direction, RETRIEVED), pointers.lastRetrieved());
            message.setHeader(LinkHeaders.pointer(direction, SENT), pointers.lastSent());
            message.setHeader(LinkHeaders.pointer(direction, CONFIRMED), pointers.lastConfirmed());
            message.setHeader(LinkHeaders.pointer(direction, PROCESSED), pointers.lastProcessed());
        }
        return message;
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
}
