package io.sluice.im;

/** The life of a chat message as its sender sees it. */
public enum MessageStatus {
    /** The core validated the message and queued it (for an inbox or a carrier). */
    ACCEPTED,
    /** In the core's ring for the carrier, sent towards the carrier's edge. */
    SENT,
    /** The carrier's edge has stored it (its mirror ring confirmed the slot). */
    CONFIRMED,
    /** The carrier's SMSC accepted it (submit_sm_resp OK). */
    PROCESSED,
    /** In the recipient's inbox, or the handset per the SMSC's delivery receipt. */
    DELIVERED,
    /** Will not be delivered; see reason and detail. */
    FAILED;

    public String code() {
        return name().toLowerCase();
    }
}
