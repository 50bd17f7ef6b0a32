package io.sluice.broker.groupcommit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many messages the next batch may take. Normally the maximum; after a batch rolled back because
 * its message number {@code k} failed, the next batch takes the {@code k - 1} before it (they did not
 * fail) and the one after that takes the failing message alone, so a message that fails every time
 * holds up nothing but itself (ADR 0025).
 */
final class BatchSizes {

    private final int max;
    /** Limits planned for the next batches, in order; empty means the maximum. */
    private final Deque<Integer> planned = new ArrayDeque<>();

    BatchSizes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("A batch holds at least one message, not " + max);
        }
        this.max = max;
    }

    int next() {
        Integer limit = planned.peekFirst();
        return limit == null ? max : limit;
    }

    /** The batch whose limit {@link #next} gave was committed. */
    void committed() {
        planned.pollFirst();
    }

    /**
     * The batch rolled back because its message at {@code position} (1 for the first) failed. A commit that
     * failed after every message went through is not a message's fault: {@code position} is then 0 and
     * the plan is left as it was.
     */
    void failedAt(int position) {
        if (position < 1) {
            return;
        }
        planned.clear();
        if (position > 1) {
            planned.add(position - 1);
        }
        planned.add(1);
    }
}
