package io.sluice.im;

import io.sluice.accounts.UserDirectory;
import io.sluice.core.Destinations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a status event from an edge (submitted, delivered, failed) into a status message in the
 * sending user's inbox (route {@code edge-events}). Events that name no carrier, no known user or
 * an unknown status go to the dead-letter queue for inspection.
 */
public final class EdgeEventRelay {

    private final UserDirectory users;

    public EdgeEventRelay(UserDirectory users) {
        this.users = users;
    }

    public void toStatus(Exchange exchange) {
        Message event = exchange.getMessage();
        String carrier = event.getHeader(Headers.CARRIER, String.class);
        String sender = event.getHeader(Headers.SENDER, String.class);
        MessageStatus status = statusOf(event.getHeader(Headers.STATUS, String.class));
        // The core's EdgeCarrierGuard admits only events whose carrier is the sending edge's own.
        if (carrier == null || sender == null || !users.exists(sender) || status == null) {
            event.setHeader(Headers.DETAIL, "event for carrier '" + carrier
                    + "', user '" + sender + "' and status '" + event.getHeader(Headers.STATUS) + "' cannot be relayed");
            // Kept without its duplicate id: a second such event on sluice.dead would make the broker refuse the
            // whole group commit, every time it was tried (ADR 0029, amendment).
            event.removeHeader(Headers.DUPLICATE_ID);
            exchange.setProperty(Headers.TARGET_PROPERTY, Destinations.DEAD);
            return;
        }
        StatusMessages.write(event,
                event.getHeader(Headers.SLUICE_ID, String.class),
                event.getHeader(Headers.CLIENT_REF, String.class),
                status,
                event.getHeader(Headers.REASON, String.class),
                event.getHeader(Headers.DETAIL, String.class));
        exchange.setProperty(Headers.TARGET_PROPERTY, Destinations.inboxOf(sender));
    }

    private static MessageStatus statusOf(String code) {
        for (MessageStatus status : MessageStatus.values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        return null;
    }
}
