package io.sluice.link;

import io.sluice.broker.groupcommit.GroupCommitEndpoint;
import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.im.StatusMessages;
import io.sluice.core.Destinations;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Slot;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Builds and reads the messages of the link protocol (ADR 0004), the same way at both ends. */
public final class LinkMessages {

    /** MT data, core → edge (pulled by the edge's broker). */
    public static String mtData(String carrier) {
        return "sluice.link.mt." + carrier;
    }

    /** MO data, edge → core. */
    public static final String MO_DATA = "sluice.link.mo";
    /** Reports and heart-beats, edge → core. */
    public static final String TO_CORE = "sluice.link.report";

    /** Reports and heart-beats, core → edge of a carrier. */
    public static String toEdge(String carrier) {
        return "sluice.link.report." + carrier;
    }

    private LinkMessages() {
    }

    /**
     * A heart-beat or rebuild instruction ends its {@code groupcommit:} batch: what it changes outside the
     * transaction (a floor adopted, the position known, a reconnection) must not be rolled back by a
     * later message of the same batch (ADR 0025).
     */
    public static void endBatchAfterControl(Exchange exchange, String kind) {
        if (LinkHeaders.KIND_HEARTBEAT.equals(kind) || LinkHeaders.KIND_REBUILD.equals(kind)) {
            exchange.setProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, true);
        }
    }

    /**
     * A ring's slot as a data message on the link. The duplicate id is unique per send: the mirror's
     * ring, not the broker, decides what is a repeat (a resend must get past the origin's own broker).
     */
    public static Message data(Outgoing out, String queue, Direction direction, String carrier, Slot slot, String attempt) {
        Payload payload = slot.payload();
        Message message = out.to(queue, payload.text());
        message.setHeader(LinkHeaders.SEQUENCE, slot.sequence());
        message.setHeader(LinkHeaders.SLOT, slot.address());
        message.setHeader(LinkHeaders.DIRECTION, direction.code());
        message.setHeader(Headers.CARRIER, carrier);
        message.setHeader(Headers.SLUICE_ID, payload.messageId());
        message.setHeader(Headers.SENDER, payload.sender());
        message.setHeader(Headers.TO, payload.recipient());
        if (payload.reference() != null) {
            message.setHeader(Headers.CLIENT_REF, payload.reference());
        }
        if (payload.validUntil() != null) {
            message.setHeader(Headers.VALID_UNTIL, payload.validUntil().toEpochMilli());
        }
        message.setHeader(Headers.DUPLICATE_ID, direction.code() + ":" + carrier + ":" + slot.sequence() + ":" + attempt);
        return message;
    }

    /** The payload a data message carries. */
    public static Payload payloadOf(Message message) {
        return new Payload(message.getHeader(Headers.SLUICE_ID, String.class), message.getHeader(Headers.SENDER, String.class),
                message.getHeader(Headers.TO, String.class), message.getHeader(Headers.CLIENT_REF, String.class),
                message.getBody(String.class), Headers.validUntil(message));
    }

    /** A confirmed or processed report about one sequence of one ring. */
    public static Message report(Outgoing out, String queue, String kind, Direction direction, String carrier, long sequence) {
        Message message = out.to(queue, kind + " " + direction.ringName(carrier) + " " + sequence);
        message.setHeader(LinkHeaders.KIND, kind);
        message.setHeader(LinkHeaders.DIRECTION, direction.code());
        message.setHeader(Headers.CARRIER, carrier);
        message.setHeader(LinkHeaders.SEQUENCE, sequence);
        return message;
    }

    /** A status message for an IM user about one of their messages (README, "STOMP API"). */
    public static Message status(Outgoing out, String user, String sluiceId, String clientRef, MessageStatus status,
                                 String reason, String detail) {
        Message message = out.to(Destinations.inboxOf(user), null);
        StatusMessages.describe(message, sluiceId, clientRef, status, reason, detail);
        return message;
    }
}
