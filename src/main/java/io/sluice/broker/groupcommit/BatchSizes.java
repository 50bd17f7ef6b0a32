package io.sluice.broker.groupcommit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many messages the next batch may take. Normally the maximum; after a batch rolled back because
 * its message number {@code k} failed, the next batch takes the {@code k - 1} before it (they did not
 * fail) and the one after that takes the failing message alone, so a message that fails every time
 * holds up nothing but itself (ADR 0025). A commit that fails names no message; after a few in a row
 * (a send refused only at commit, every time) batches hold one message until one commits.
 */
final class BatchSizes {

    /** Commits failed in a row before batches hold one message. */
    static final int COMMIT_FAILURES_BEFORE_ONE_AT_A_TIME = 3;

    private final int max;
    private int commitFailuresInARow;
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
        commitFailuresInARow = 0;
    }

    /** The batch rolled back because its message at {@code position} (1 for the first) failed. */
    void failedAt(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("Positions start at 1, not " + position);
        }
        planned.clear();
        if (position > 1) {
            planned.add(position - 1);
        }
        planned.add(1);
    }

    /** Every message of the batch went through, but the commit (or a receive) failed. */
    void commitFailed() {
        commitFailuresInARow++;
        if (commitFailuresInARow >= COMMIT_FAILURES_BEFORE_ONE_AT_A_TIME) {
            planned.clear();
            planned.add(1);
        }
    }
}
