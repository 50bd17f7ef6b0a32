package io.sluice.im;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.sluice.core.Destinations;
import io.sluice.link.Outgoing;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Route {@code inbox-expiry}: a message whose time ran out (Artemis moved it to
 * {@code sluice.expired}) becomes a failed status for its sender, never a silent drop. A chat message
 * from an IM user gets a {@code failed} status with reason {@code EXPIRED}; one from a phone gets an
 * SMS saying so; an outbox message that expired before it was dispatched is reported to its sender
 * too. Anything else is kept on {@code sluice.dead} for an operator.
 */
public final class ExpiredMessages {

    /** Artemis' record of where an expired message was (message property on the expired copy). */
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private final Duration inboxExpiry;

    public ExpiredMessages(Duration inboxExpiry) {
        this.inboxExpiry = inboxExpiry;
    }

    public List<Message> tellSender(Exchange exchange) {
        Message expired = exchange.getMessage();
        String origin = expired.getHeader(ORIGINAL_ADDRESS, String.class);
        Outgoing out = new Outgoing(exchange.getContext());
        if (origin != null && origin.startsWith(Destinations.INBOX_PREFIX) && "chat".equals(expired.getHeader(Headers.TYPE))) {
            String recipient = origin.substring(Destinations.INBOX_PREFIX.length());
            String detail = recipient + " did not read it within " + readable(inboxExpiry) + ".";
            String sender = expired.getHeader(Headers.FROM, String.class);
            if (Recipient.parse(sender) instanceof Recipient.Phone) {
                toPhone(out, expired, sender, "Sluice: your message to " + recipient + " was not delivered: " + detail);
            } else {
                status(out, sender, expired.getHeader(Headers.SLUICE_ID, String.class),
                        expired.getHeader(Headers.SENDER_REF, String.class), detail);
            }
        } else if (Destinations.OUTBOX.equals(origin) && expired.getHeader(Headers.VALIDATED_USER) != null) {
            status(out, expired.getHeader(Headers.VALIDATED_USER, String.class), null,
                    expired.getHeader(Headers.CLIENT_REF, String.class), "It expired before Sluice could dispatch it.");
        } else {
            Message kept = out.to(Destinations.DEAD, expired.getBody(String.class));
            kept.getHeaders().putAll(expired.getHeaders());
            kept.removeHeader(Headers.DUPLICATE_ID); // a repeat on sluice.dead would refuse this whole transaction
            kept.setHeader(Headers.DETAIL, "expired message from " + origin + " with no sender to tell");
        }
        return out.messages();
    }

    private static void status(Outgoing out, String sender, String sluiceId, String clientRef, String detail) {
        Message status = out.to(Destinations.inboxOf(sender), null);
        StatusMessages.describe(status, sluiceId, clientRef, MessageStatus.FAILED, FailureReason.EXPIRED.name(), detail);
    }

    private static void toPhone(Outgoing out, Message expired, String phone, String text) {
        String carrier = expired.getHeader(Headers.CARRIER, String.class);
        String id = UUID.randomUUID().toString();
        Message sms = out.to(Destinations.mtQueueOf(carrier), text);
        sms.setHeader(Headers.SLUICE_ID, id);
        sms.setHeader(Headers.DUPLICATE_ID, id);
        sms.setHeader(Headers.TO, phone);
        sms.setHeader(Headers.CARRIER, carrier);
    }

    /** "7 days", "36 hours", "90 minutes", "20 seconds": how a user would say it. */
    static String readable(Duration duration) {
        if (duration.toDays() > 1 && duration.toHours() % 24 == 0) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() > 1 && duration.toMinutes() % 60 == 0) {
            return duration.toHours() + " hours";
        }
        if (duration.toMinutes() > 1 && duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " minutes";
        }
        if (duration.toSeconds() > 0) {
            return duration.toSeconds() + " seconds";
        }
        return duration.toMillis() + " ms";
    }
}
