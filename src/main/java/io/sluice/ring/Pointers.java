package io.sluice.ring;

/**
 * The seed's four "last" pointers (209-212), as sequence numbers; 0 means "none yet". The slot
 * address of a pointer is {@code sequence mod capacity}. Last Confirmed and Last Processed are the
 * ends of contiguous prefixes (like a cumulative acknowledgement): every sequence up to them is
 * confirmed / processed, while some beyond them may be too.
 */
public record Pointers(long lastRetrieved, long lastSent, long lastConfirmed, long lastProcessed) {

    /** All four equal: nothing is under way; the ring is empty. */
    public boolean settled() {
        return lastRetrieved == lastSent && lastSent == lastConfirmed && lastConfirmed == lastProcessed;
    }
}
