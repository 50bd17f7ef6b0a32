package io.sluice.edge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, for each message id the SMSC gave, which Sluice message it was, so a delivery receipt
 * (which quotes only the SMSC's id) can be reported to the right sender. Bounded: the oldest entries
 * go first. Looked up in memory; {@link ReceiptCorrelations} keeps the same entries on disk and reads them
 * back at start, so receipts for messages submitted before an edge restart still find them (ADR 0029).
 *
 * <p>SMPP ids are unique and a receipt may {@link #lookup} its message as often as it is repeated. CIMD2
 * has no message id: a status report names destination and time stamp (one-second resolution), so
 * several messages may share one id; they queue under it in submit order and each report
 * {@link #take}s the oldest (ADR 0009).
 */
public final class ReceiptCorrelator {

    /** The Sluice side of one submitted message. */
    public record Submitted(String sluiceId, String sender, String clientRef) {
    }

    private final Map<String, Deque<Submitted>> bySmscId;

    public ReceiptCorrelator(int capacity) {
        this.bySmscId = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Submitted>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(String smscId, Submitted submitted) {
        bySmscId.computeIfAbsent(smscId, id -> new ArrayDeque<>(1)).addLast(submitted);
        notifyAll();
    }

    /**
     * The message a receipt is about. A fast SMSC can send the receipt before the submitting route
     * has recorded the submit_sm_resp, so an unknown id is given a short grace period.
     */
    public synchronized Optional<Submitted> lookup(String smscId, Duration grace) throws InterruptedException {
        return await(smscId, grace).map(Deque::peekFirst);
    }

    /** Like {@link #lookup}, but the message is forgotten: the next receipt under the same id is about the next one. */
    public synchronized Optional<Submitted> take(String smscId, Duration grace) throws InterruptedException {
        Optional<Deque<Submitted>> waiting = await(smscId, grace);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Submitted oldest = waiting.get().peekFirst();
        dropOldest(smscId);
        return Optional.of(oldest);
    }

    /** Puts a taken message back in front of its id: the transaction of the report that took it rolled back. */
    public synchronized void putBack(String smscId, Submitted taken) {
        bySmscId.computeIfAbsent(smscId, id -> new ArrayDeque<>(1)).addFirst(taken);
        notifyAll();
    }

    /** Forgets the oldest message under {@code smscId}, as {@link #take} would, without waiting; whether there was one. */
    public synchronized boolean dropOldest(String smscId) {
        Deque<Submitted> waiting = bySmscId.get(smscId);
        if (waiting == null || waiting.isEmpty()) {
            return false;
        }
        waiting.pollFirst();
        if (waiting.isEmpty()) {
            bySmscId.remove(smscId);
        }
        return true;
    }

    private Optional<Deque<Submitted>> await(String smscId, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        Deque<Submitted> found = bySmscId.get(smscId);
        while (found == null || found.isEmpty()) {
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
