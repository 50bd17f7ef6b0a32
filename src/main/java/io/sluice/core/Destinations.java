package io.sluice.core;

/**
 * Broker address names of the Sluice messaging model. STOMP clients see them with the
 * {@code /queue/} prefix ({@code /queue/sluice.outbox}).
 */
public final class Destinations {

    /** Where every PC client sends chat messages (recipient in the {@code to} header). */
    public static final String OUTBOX = "sluice.outbox";
    /** Prefix of each user's durable inbox: {@code sluice.inbox.<user>}. */
    public static final String INBOX_PREFIX = "sluice.inbox.";
    /** Prefix of each user's presence feed, a multicast address: {@code sluice.presence.<user>} (ADR 0008). */
    public static final String PRESENCE_PREFIX = "sluice.presence.";
    /** Where clients send buddy-list commands (ADR 0008). */
    public static final String BUDDIES = "sluice.buddies";
    /** Prefix of each carrier's mobile-terminated queue: {@code sluice.mt.<carrier>}. */
    public static final String MT_PREFIX = "sluice.mt.";
    /** Status events (submitted, receipts, failures) from every edge to the core. */
    public static final String EVENTS = "sluice.events";
    /** MO messages no user could be found for; kept, never dropped. */
    public static final String MO_UNROUTABLE = "sluice.mo.unroutable";
    /** Messages that exhausted their delivery attempts. */
    public static final String DEAD = "sluice.dead";

    private Destinations() {
    }

    public static String inboxOf(String user) {
        return INBOX_PREFIX + user;
    }

    public static String presenceOf(String user) {
        return PRESENCE_PREFIX + user;
    }

    public static String mtQueueOf(String carrier) {
        return MT_PREFIX + carrier;
    }
}
