package io.sluice.ring;

/**
 * The four states a ring slot records for its message (the seed's flags 205-208). They accumulate:
 * a processed slot is also confirmed, sent and retrieved.
 */
public enum Flag {
    /** Taken in at this end: from the users' queue (origin) or stored from the link (mirror). */
    RETRIEVED,
    /** Sent towards the other end of the link. */
    SENT,
    /** The mirror has stored it durably (origin: the confirmation came back; mirror: it went out). */
    CONFIRMED,
    /** Delivered onward (SMSC accepted / in the inbox); the slot may be reused. */
    PROCESSED
}
