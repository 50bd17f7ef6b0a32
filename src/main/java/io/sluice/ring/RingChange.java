package io.sluice.ring;

/**
 * A change a ring made, as its {@link Ring.Journal} hears of it: what is needed to undo it should the
 * transaction that made it roll back (ADR 0026).
 */
public sealed interface RingChange permits RingChange.SlotWrite, RingChange.FloorRaise, RingChange.StrandedTaken {

    /**
     * A slot's record replaced by another. Open transactions can write the same slot one after the other
     * (a slot freed by one route's processed report is taken by another route's retrieve before the first
     * commits), so the ring chains a slot's writes while their transactions are open: a write undone out
     * of turn hands its {@code before} on to the write that replaced it.
     */
    final class SlotWrite implements RingChange {

        private final int address;
        private final Slot after;
        /** The record this write replaced; taken over from an older write undone out of turn. */
        private Slot before;
        /** The open write whose record this one replaced, if any. */
        private SlotWrite older;
        /** The open write that replaced this one's record, if any. */
        private SlotWrite newer;

        SlotWrite(int address, Slot before, Slot after) {
            this.address = address;
            this.before = before;
            this.after = after;
        }

        public int address() {
            return address;
        }

        /** The record this write replaced (null for a slot never used before). */
        public Slot before() {
            return before;
        }

        public Slot after() {
            return after;
        }

        void follow(SlotWrite latest) {
            older = latest;
            latest.newer = this;
        }

        /** Out of the chain, its neighbours joined: it was undone. */
        void leave() {
            if (older != null) {
                older.newer = newer;
            }
            if (newer != null) {
                newer.older = older;
            }
            older = null;
            newer = null;
        }

        /**
         * Out of the chain, which is cut here: it committed. A write after it undoes to its record, never
         * past it; a write before it is not undone at all, since its record is part of this one's.
         */
        void cut() {
            if (older != null) {
                older.newer = null;
            }
            if (newer != null) {
                newer.older = null;
            }
            older = null;
            newer = null;
        }

        SlotWrite older() {
            return older;
        }

        SlotWrite newer() {
            return newer;
        }

        void replaces(Slot record) {
            before = record;
        }

        @Override
        public String toString() {
            return "SlotWrite[" + address + ": " + describe(before) + " -> " + describe(after) + "]";
        }

        private static String describe(Slot slot) {
            return slot == null ? "empty" : slot.sequence() + " " + slot.flags();
        }
    }

    /** A rebuilt mirror adopted the origin's progress: the floor went from {@code before} to {@code after}. */
    record FloorRaise(long before, long after) implements RingChange {
    }

    /** A stranded record was taken ({@link Ring#takeStranded}); undone, it is stranded again. */
    record StrandedTaken(Slot record) implements RingChange {
    }
}
