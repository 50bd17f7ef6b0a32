package io.sluice.im;

/** The life of a chat message as its sender sees it. */
public enum MessageStatus {
    /** The core validated the message and queued it (for an inbox or a carrier). */
    ACCEPTED,
    /** The carrier's SMSC accepted the message (submit_sm_resp OK). */
    SUBMITTED,
    /** In the recipient's inbox, or the handset per the SMSC's delivery receipt. */
    DELIVERED,
    /** Will not be delivered; see reason and detail. */
    FAILED;

    public String code() {
        return name().toLowerCase();
    }
}
