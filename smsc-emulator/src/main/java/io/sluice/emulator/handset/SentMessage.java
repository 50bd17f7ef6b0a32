package io.sluice.emulator.handset;

import java.time.Instant;

/**
 * A mobile-originated message the handset sent.
 *
 * @param status {@code queued} until an ESME acknowledges its deliver_sm, then {@code delivered};
 *     {@code failed} if it could not be encoded into a deliver_sm
 */
public record SentMessage(String id, String to, String text, Instant time, String status) {

    public static final String QUEUED = "queued";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    SentMessage withStatus(String newStatus) {
        return new SentMessage(id, to, text, time, newStatus);
    }
}
