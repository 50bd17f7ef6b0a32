package io.sluice.ring;

import io.sluice.ring.RingChange.SlotWrite;

/**
 * Per slot, the chain of kept writes whose transactions are still open, newest last (ADR 0026). The
 * ring's lock guards it; it decides what an undo or a commit does to the chain, the ring what it does
 * to the slots.
 */
final class OpenWrites {

    /** Per slot address, the kept write that made its current record, while its transaction is open. */
    private final SlotWrite[] latest;

    OpenWrites(int capacity) {
        latest = new SlotWrite[capacity];
    }

    /** {@code write} was made; {@code kept} if an open transaction keeps it. */
    void wrote(SlotWrite write, boolean kept) {
        int address = write.address();
        if (!kept) {
            latest[address] = null; // a write outside any transaction is as good as committed
            return;
        }
        if (latest[address] != null) {
            write.follow(latest[address]);
        }
        latest[address] = write;
    }

    /**
     * {@code write}'s transaction rolled back. If it is still its slot's latest write, the slot must get
     * back what it replaced (returns true). If another open write replaced it since, that one now undoes
     * to what this one found. If a committed write replaced it, nothing changes: the store has that.
     */
    boolean undo(SlotWrite write) {
        int address = write.address();
        boolean isLatest = latest[address] == write;
        if (isLatest) {
            latest[address] = write.older();
        } else if (write.newer() != null) {
            write.newer().replaces(write.before());
        }
        write.leave();
        return isLatest;
    }

    /**
     * Whether {@code sequence} came into its slot by a write whose transaction is still open: until it
     * commits the message is not the slot's for good (a rollback frees the sequence for another).
     */
    boolean arrivalOpen(int address, long sequence) {
        for (SlotWrite write = latest[address]; write != null; write = write.older()) {
            Slot before = write.before();
            if (write.after().sequence() == sequence && (before == null || before.sequence() != sequence)) {
                return true;
            }
        }
        return false;
    }

    /** {@code write}'s transaction committed: it is no longer undone, and the chain is cut there. */
    void settle(SlotWrite write) {
        if (latest[write.address()] == write) {
            latest[write.address()] = null;
        }
        write.cut();
    }
}
