package io.sluice.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, for each message id the SMSC gave, which Sluice message it was, so a delivery receipt
 * (which quotes only the SMSC's id) can be reported to the right sender. Bounded: the oldest entries
 * go first. In memory for now: receipts for messages submitted before an edge restart are reported
 * as unmatched (the durable ring of issue 3 keeps this in its slots).
 */
public final class ReceiptCorrelator {

    /** The Sluice side of one submitted message. */
    public record Submitted(String sluiceId, String sender, String clientRef) {
    }

    private final Map<String, Submitted> bySmscId;

    public ReceiptCorrelator(int capacity) {
        this.bySmscId = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Submitted> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(String smscId, Submitted submitted) {
        bySmscId.put(smscId, submitted);
        notifyAll();
    }

    /**
     * The message a receipt is about. A fast SMSC can send the receipt before the submitting route
     * has recorded the submit_sm_resp, so an unknown id is given a short grace period.
     */
    public synchronized Optional<Submitted> lookup(String smscId, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        Submitted found = bySmscId.get(smscId);
        while (found == null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, remaining / 1_000_000));
            found = bySmscId.get(smscId);
        }
        return Optional.of(found);
    }
}
