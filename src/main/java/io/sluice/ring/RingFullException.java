package io.sluice.ring;

/**
 * The slot the next message needs still holds an unprocessed one. Back-pressure, never loss: the
 * caller leaves the message where it is (its durable queue, or the SMSC) and tries again later.
 */
public final class RingFullException extends Exception {

    public RingFullException(String ring, long blockedBy) {
        super("Ring " + ring + " is full: the next slot still holds sequence " + blockedBy);
    }

    /** The ring cannot take messages yet for another reason, named in {@code why}. */
    public RingFullException(String ring, String why) {
        super("Ring " + ring + " is not taking messages yet: " + why);
    }
}
