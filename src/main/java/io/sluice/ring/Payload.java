package io.sluice.ring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a slot carries: the message itself.
 *
 * @param messageId  Sluice's id of the message
 * @param sender     who sent it (IM user or E.164 number)
 * @param recipient  who it is for (E.164 number or IM user)
 * @param reference  the sender's own reference for it ({@code client_ref}), or null
 * @param text       the text
 * @param validUntil MT only: after this instant the message must not be submitted any more, it is
 *                   failed back to its sender ({@code EXPIRED}, ADR 0019); null for no limit. To the
 *                   millisecond, as the ring store keeps it.
 */
public record Payload(String messageId, String sender, String recipient, String reference, String text,
                      Instant validUntil) {

    public Payload {
        validUntil = validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A payload without a validity limit (MO messages, and MT from before validities existed). */
    public Payload(String messageId, String sender, String recipient, String reference, String text) {
        this(messageId, sender, recipient, reference, text, null);
    }

    /** Whether the validity has ended at {@code now}. */
    public boolean expiredAt(Instant now) {
        return validUntil != null && now.isAfter(validUntil);
    }
}
