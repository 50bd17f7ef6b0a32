package io.sluice.ring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * One element of a ring: a message and how far it has got. Immutable; the ring replaces a slot's
 * record on every transition (which is also what its store persists).
 *
 * @param sequence    64-bit, never wraps: a replayed message is recognisable forever
 * @param address     index in the ring, {@code sequence mod capacity}
 * @param payload     the message: id, sender, recipient, reference, text
 * @param retrievedAt when this end took it in, to the millisecond (as the store keeps it, so that a slot
 *                    in memory equals its stored record)
 * @param flags       how far it has got
 */
public record Slot(long sequence, int address, Payload payload, Instant retrievedAt, Set<Flag> flags) {

    public Slot {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1: " + sequence);
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        retrievedAt = retrievedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public String messageId() {
        return payload.messageId();
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** Free for a new message: processed (or never used, which a ring represents by no record at all). */
    public boolean isProcessed() {
        return has(Flag.PROCESSED);
    }

    Slot with(Flag... more) {
        EnumSet<Flag> all = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        all.addAll(Set.of(more));
        return new Slot(sequence, address, payload, retrievedAt, all);
    }
}
