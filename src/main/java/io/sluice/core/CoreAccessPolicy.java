package io.sluice.core;

import java.util.EnumSet;
import java.util.Set;

import io.sluice.broker.AccessPolicy;
import io.sluice.broker.SitePrincipal;
import io.sluice.link.LinkMessages;
import org.apache.activemq.artemis.core.security.CheckType;

/**
 * Who may do what on the core broker. Users send only to the outbox and the buddy-command queue,
 * and read only their own inbox and presence feed; an edge reads only its carrier's link queues and writes only MO data, reports and receipt
 * events; the core's own
 * routes may do anything.
 */
public final class CoreAccessPolicy implements AccessPolicy {

    private static final Set<CheckType> READ_OWN_INBOX = EnumSet.of(CheckType.CONSUME, CheckType.BROWSE,
            CheckType.CREATE_ADDRESS, CheckType.CREATE_DURABLE_QUEUE);
    /** A STOMP subscription to a topic is a non-durable queue the broker makes and removes for it. */
    private static final Set<CheckType> FOLLOW_OWN_FEED = EnumSet.of(CheckType.CONSUME, CheckType.CREATE_ADDRESS,
            CheckType.CREATE_NON_DURABLE_QUEUE, CheckType.DELETE_NON_DURABLE_QUEUE);

    @Override
    public boolean allows(SitePrincipal principal, CheckType check, String address) {
        return switch (principal.kind()) {
            // the mirror replays the primary's operations, whatever they touched (ADR 0014)
            case SYSTEM, MIRROR -> true;
            case USER -> userAllows(principal.name(), check, address);
            case EDGE -> edgeAllows(principal.carrier(), check, address);
        };
    }

    private static boolean userAllows(String user, CheckType check, String address) {
        if (check == CheckType.SEND) {
            return Destinations.OUTBOX.equals(address) || Destinations.BUDDIES.equals(address);
        }
        if (Destinations.presenceOf(user).equals(address)) {
            return FOLLOW_OWN_FEED.contains(check);
        }
        return READ_OWN_INBOX.contains(check) && Destinations.inboxOf(user).equals(address);
    }

    private static boolean edgeAllows(String carrier, CheckType check, String address) {
        if (check == CheckType.SEND) {
            return LinkMessages.MO_DATA.equals(address) || LinkMessages.TO_CORE.equals(address)
                    || Destinations.EVENTS.equals(address);
        }
        return check == CheckType.CONSUME
                && (LinkMessages.mtData(carrier).equals(address) || LinkMessages.toEdge(carrier).equals(address));
    }
}
