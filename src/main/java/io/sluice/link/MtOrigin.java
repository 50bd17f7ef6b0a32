package io.sluice.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.sluice.broker.groupcommit.GroupCommitEndpoint;
import io.sluice.im.FailureReason;
import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingFullException;
import io.sluice.ring.Slot;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core, route {@code ring-mt-send}: takes an MT message from the carrier's queue into the MT ring
 * and sends it to the edge without waiting for anything. A full ring makes the route wait (and after
 * {@code patience} roll back): the message stays in its durable queue — back-pressure, never loss.
 *
 * <p>Every MT gets its validity here, {@code validity} after the core accepted it (ADR 0019); one
 * whose validity ended while it waited for room in the ring is failed back without entering it.
 */
public final class MtOrigin {

    private static final Logger LOG = LoggerFactory.getLogger(MtOrigin.class);

    private final RingRegistry rings;
    private final Duration patience;
    private final Duration validity;
    private final Clock clock;

    public MtOrigin(RingRegistry rings, Duration patience, Duration validity, Clock clock) {
        this.rings = rings;
        this.patience = patience;
        this.validity = validity;
        this.clock = clock;
    }

    public List<Message> send(Exchange exchange) throws RingFullException, InterruptedException {
        Message mt = exchange.getMessage();
        String carrier = mt.getHeader(Headers.CARRIER, String.class);
        RingHandle ring = rings.get(Direction.MT, carrier);
        Instant acceptedAt = acceptedAt(mt);
        Payload payload = new Payload(mt.getHeader(Headers.SLUICE_ID, String.class), mt.getHeader(Headers.SENDER, String.class),
                mt.getHeader(Headers.TO, String.class), mt.getHeader(Headers.CLIENT_REF, String.class),
                mt.getBody(String.class), acceptedAt.plus(validity));
        if (payload.expiredAt(clock.instant())) {
            return expired(exchange, carrier, payload, acceptedAt);
        }
        Slot slot = ring.retrieveAndSend(payload, clock.instant(), patience);
        if (!ring.ring().hasRoom()) {
            // the next MT would wait for a free slot inside this batch, keeping the ones before it from
            // the edge meanwhile: commit them first (ADR 0025)
            exchange.setProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, true);
        }
        Outgoing out = new Outgoing(exchange.getContext());
        LinkMessages.data(out, LinkMessages.mtData(carrier), Direction.MT, carrier, slot, "0");
        if (payload.sender() != null) { // replies from Sluice itself have no IM sender to inform
            LinkMessages.status(out, payload.sender(), payload.messageId(), payload.reference(), MessageStatus.SENT, null,
                    "Sent towards carrier " + carrier + " (ring slot " + slot.address() + ", sequence " + slot.sequence() + ").");
        }
        return out.messages();
    }

    private List<Message> expired(Exchange exchange, String carrier, Payload payload, Instant acceptedAt) {
        Outgoing out = new Outgoing(exchange.getContext());
        String detail = "Not sent: it waited for carrier " + carrier + " from " + acceptedAt + " until its validity ("
                + validity + ") ended at " + payload.validUntil() + ".";
        if (payload.sender() == null) {
            LOG.warn("A reply from Sluice to {} expired before it entered the MT ring of {}: {}",
                    payload.recipient(), carrier, detail);
        } else {
            LinkMessages.status(out, payload.sender(), payload.messageId(), payload.reference(), MessageStatus.FAILED,
                    FailureReason.EXPIRED.name(), detail);
        }
        return out.messages();
    }

    /** When the core accepted the message (the dispatcher's {@code sent_at}); now for Sluice's own replies. */
    private Instant acceptedAt(Message mt) {
        String sentAt = mt.getHeader(Headers.SENT_AT, String.class);
        if (sentAt != null) {
            try {
                return Instant.parse(sentAt);
            } catch (DateTimeParseException unreadable) {
                LOG.warn("MT {} has an unreadable sent_at '{}'; its validity counts from now",
                        mt.getHeader(Headers.SLUICE_ID), sentAt);
            }
        }
        return clock.instant();
    }

    /** Resends a slot (replay after an outage, or rebuilding a mirror that lost its store). */
    public static void resend(Outgoing out, String carrier, Slot slot, long attempt) {
        LinkMessages.data(out, LinkMessages.mtData(carrier), Direction.MT, carrier, slot, "r" + attempt);
    }
}
