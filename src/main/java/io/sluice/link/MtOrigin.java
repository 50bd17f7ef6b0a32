package io.sluice.link;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingFullException;
import io.sluice.ring.Slot;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Core, route {@code ring-mt-send}: takes an MT message from the carrier's queue into the MT ring
 * and sends it to the edge without waiting for anything. A full ring makes the route wait (and after
 * {@code patience} roll back): the message stays in its durable queue — back-pressure, never loss.
 */
public final class MtOrigin {

    private final RingRegistry rings;
    private final Duration patience;
    private final Clock clock;

    public MtOrigin(RingRegistry rings, Duration patience, Clock clock) {
        this.rings = rings;
        this.patience = patience;
        this.clock = clock;
    }

    public List<Message> send(Exchange exchange) throws RingFullException, InterruptedException {
        Message mt = exchange.getMessage();
        String carrier = mt.getHeader(Headers.CARRIER, String.class);
        RingHandle ring = rings.get(Direction.MT, carrier);
        exchange.setProperty(LinkHeaders.RING_PROPERTY, ring.name());
        Payload payload = new Payload(mt.getHeader(Headers.SLUICE_ID, String.class), mt.getHeader(Headers.SENDER, String.class),
                mt.getHeader(Headers.TO, String.class), mt.getHeader(Headers.CLIENT_REF, String.class),
                mt.getBody(String.class));
        Slot slot = ring.retrieve(payload, clock.instant(), patience);
        Outgoing out = new Outgoing(exchange.getContext());
        LinkMessages.data(out, LinkMessages.mtData(carrier), Direction.MT, carrier, slot, "0");
        ring.markSent(slot.sequence());
        if (payload.sender() != null) { // replies from Sluice itself have no IM sender to inform
            LinkMessages.status(out, payload.sender(), payload.messageId(), payload.reference(), MessageStatus.SENT, null,
                    "Sent towards carrier " + carrier + " (ring slot " + slot.address() + ", sequence " + slot.sequence() + ").");
        }
        return out.messages();
    }

    /** Resends a slot (replay after an outage, or rebuilding a mirror that lost its store). */
    public static void resend(Outgoing out, String carrier, Slot slot, long attempt) {
        LinkMessages.data(out, LinkMessages.mtData(carrier), Direction.MT, carrier, slot, "r" + attempt);
    }
}
