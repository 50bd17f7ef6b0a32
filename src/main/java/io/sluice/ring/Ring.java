package io.sluice.ring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sluice.ring.RingChange.FloorRaise;
import io.sluice.ring.RingChange.SlotWrite;
import io.sluice.ring.RingChange.StrandedTaken;

/**
 * A circular buffer of in-flight messages, mirrored slot for slot at both ends of a link (the seed's
 * "circular array", Figure 2). The same type serves both ends and both directions:
 * <ul>
 * <li>the <b>origin</b> end retrieves messages from its own side ({@link #retrieve}), sends them
 *     ({@link #markSent}), and learns from the other end that they were stored ({@link #confirm})
 *     and delivered ({@link #process}); after a link outage it resends {@link #replayWindow()};</li>
 * <li>the <b>mirror</b> end stores what arrives in the same slot ({@link #accept}), confirms it, and
 *     marks it processed once it has delivered it onward.</li>
 * </ul>
 * Slot address = sequence mod capacity; a slot is reused only after its message was processed, so a
 * full ring is back-pressure. Confirmations and processing reports may arrive in any order; Last
 * Confirmed and Last Processed are the ends of the contiguous prefixes. Plain Java, thread-safe; a
 * store persists the slots (and the floor), from which {@link #restore} derives the pointers.
 *
 * <p>Every change is told to the ring's {@link Journal}, which keeps it while the transaction that made
 * it is open; {@link #undo} puts back exactly what a rolled-back transaction changed, and
 * {@link #settle} lets go of what a committed one did (ADR 0026).
 */
public final class Ring {

    /** What {@link #accept} did with a message from the other end. */
    public enum Acceptance {
        /** New: stored and confirmed in its slot. */
        STORED,
        /** This end already has it (a replay or a retransmission): confirm again, do not deliver twice. */
        DUPLICATE,
        /** This end has already processed it and reused the slot: report it processed again. */
        ALREADY_PROCESSED,
        /** Its slot still holds an older unprocessed message: the sender overran the window. */
        SLOT_BUSY
    }

    /**
     * Hears of every change to a slot or to the floor, under the ring's lock, and keeps it if the
     * change belongs to an open transaction.
     */
    @FunctionalInterface
    public interface Journal {

        /** @return whether the change is kept, to be handed back to {@link #undo} or {@link #settle} */
        boolean keep(RingChange change);
    }

    private final String name;
    private final int capacity;
    private final Slot[] slots;
    private final OpenWrites openWrites;
    private volatile Journal journal = change -> false;
    private final Map<String, Long> unprocessedByMessageId = new HashMap<>();
    /**
     * Origin: records whose processing was undone after their slot went to a newer sequence (a retrieve
     * waiting for a full ring takes a slot freed by an open transaction, ADR 0026). Their messages were
     * delivered onward, as the report that comes again says, but they are in no slot any more: kept here,
     * by sequence, at most a ring's length of them, for that report ({@link #takeStranded}).
     */
    private final TreeMap<Long, Slot> stranded = new TreeMap<>();
    /** Every sequence up to here is processed (raised when a rebuilt mirror adopts the origin's progress). */
    private long floor;
    private long lastRetrieved;
    private long lastSent;
    private long lastConfirmed;
    private long lastProcessed;
    /**
     * Origin: how many sequences ahead of the oldest one not yet processed it may take, its capacity unless the
     * peer's ring is smaller (ADR 0039). The mirror treats a slot holding a newer sequence as proof that the
     * older one there was processed, which holds only if the origin never runs more than the mirror's length
     * ahead of it.
     */
    private int window;

    public Ring(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A ring needs at least one slot, not " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.slots = new Slot[capacity];
        this.openWrites = new OpenWrites(capacity);
        this.window = capacity;
    }

    /** A ring as its store left it: pointers are derived from the slots and the floor. */
    public static Ring restore(String name, int capacity, long floor, Collection<Slot> stored) {
        Ring ring = new Ring(name, capacity);
        ring.floor = floor;
        for (Slot slot : stored) {
            int address = ring.addressOf(slot.sequence());
            if (slot.address() != address) {
                throw new IllegalArgumentException("Slot of sequence " + slot.sequence() + " stored at address "
                        + slot.address() + ", expected " + address);
            }
            Slot present = ring.slots[address];
            // the newest sequence; of its records (one per stage), the one with the most flags
            if (present == null || present.sequence() < slot.sequence()
                    || present.sequence() == slot.sequence() && slot.flags().containsAll(present.flags())) {
                ring.slots[address] = slot;
            }
        }
        ring.derivePointers();
        return ring;
    }

    /** From now on every change is told to {@code journal}. */
    public void journal(Journal journal) {
        this.journal = journal;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    public int addressOf(long sequence) {
        return (int) Math.floorMod(sequence, (long) capacity);
    }

    /** Whether {@link #retrieve} would find a free slot now. */
    public synchronized boolean hasRoom() {
        Slot next = slots[addressOf(lastRetrieved + 1)];
        return (next == null || next.isProcessed()) && !beyondWindow(lastRetrieved + 1);
    }

    /**
     * Origin: at most {@code slots} sequences ahead of one not yet processed, because the peer's ring has that
     * many (ADR 0039); never more than this ring's capacity.
     */
    public synchronized void limitWindow(int slots) {
        window = Math.max(1, Math.min(capacity, slots));
    }

    public synchronized int window() {
        return window;
    }

    /** Whether the sequence one window back is not processed yet: the peer's slot for this one is not free. */
    private boolean beyondWindow(long sequence) {
        long previous = sequence - window;
        return window < capacity && previous > 0 && !isDone(previous, Flag.PROCESSED);
    }

    /**
     * Origin: takes a message into the next slot. Retrieving a message id that is already in the ring
     * and not processed returns its slot (a redelivery after a crash is not a second message).
     */
    public synchronized Slot retrieve(Payload payload, Instant now) throws RingFullException {
        Long known = unprocessedByMessageId.get(payload.messageId());
        if (known != null) {
            return slots[addressOf(known)];
        }
        long sequence = lastRetrieved + 1;
        int address = addressOf(sequence);
        Slot occupant = slots[address];
        if (occupant != null && !occupant.isProcessed()) {
            throw new RingFullException(name, occupant.sequence());
        }
        if (beyondWindow(sequence)) {
            throw new RingFullException(name, "sequence " + (sequence - window) + " is not processed yet, and the"
                    + " other end's ring has " + window + " slots");
        }
        Slot slot = new Slot(sequence, address, payload, now, EnumSet.of(Flag.RETRIEVED));
        put(slot);
        lastRetrieved = sequence;
        return slot;
    }

    /** Origin: the message went out on the link. */
    public synchronized Slot markSent(long sequence) {
        Slot slot = current(sequence).orElseThrow(() -> unknown(sequence));
        Slot sent = put(slot.with(Flag.SENT));
        lastSent = Math.max(lastSent, sequence);
        return sent;
    }

    /**
     * The other end has stored the message (origin), or this end has confirmed it (mirror). In any
     * order, idempotent; empty for a sequence already processed and gone from the ring.
     */
    public synchronized Optional<Slot> confirm(long sequence) {
        Optional<Slot> slot = current(sequence);
        if (slot.isEmpty()) {
            return staleOrUnknown(sequence);
        }
        Slot confirmed = put(slot.get().with(Flag.SENT, Flag.CONFIRMED));
        lastConfirmed = advance(lastConfirmed, Flag.CONFIRMED);
        return Optional.of(confirmed);
    }

    /**
     * The message was delivered onward; its slot may be reused. In any order, idempotent; empty for a
     * sequence already processed and gone from the ring.
     */
    public synchronized Optional<Slot> process(long sequence) {
        Optional<Slot> slot = current(sequence);
        if (slot.isEmpty()) {
            return staleOrUnknown(sequence);
        }
        Slot processed = put(slot.get().with(Flag.SENT, Flag.CONFIRMED, Flag.PROCESSED));
        stranded.remove(sequence); // its slot came back to it: the retrieve that took it rolled back too
        unprocessedByMessageId.remove(processed.messageId());
        lastConfirmed = advance(lastConfirmed, Flag.CONFIRMED);
        lastProcessed = advance(lastProcessed, Flag.PROCESSED);
        return Optional.of(processed);
    }

    /**
     * What {@link #accept} did, and which stored messages are now next in sequence with nothing
     * missing before them: the mirror delivers those onward, in this order, and only those, so a
     * replay arriving after newer messages cannot overtake them.
     */
    public record Accepted(Acceptance outcome, List<Slot> inOrder) {
    }

    /** Mirror: a message from the other end, stored in the slot its sequence names. */
    public synchronized Accepted accept(long sequence, Payload payload, Instant now) {
        if (sequence <= floor) {
            return new Accepted(Acceptance.ALREADY_PROCESSED, List.of());
        }
        int address = addressOf(sequence);
        Slot occupant = slots[address];
        if (occupant != null && occupant.sequence() == sequence) {
            return new Accepted(occupant.isProcessed() ? Acceptance.ALREADY_PROCESSED : Acceptance.DUPLICATE, List.of());
        }
        if (occupant != null && occupant.sequence() > sequence) {
            return new Accepted(Acceptance.ALREADY_PROCESSED, List.of());
        }
        if (occupant != null && !occupant.isProcessed()) {
            return new Accepted(Acceptance.SLOT_BUSY, List.of());
        }
        put(new Slot(sequence, address, payload, now, EnumSet.of(Flag.RETRIEVED, Flag.SENT, Flag.CONFIRMED)));
        lastRetrieved = Math.max(lastRetrieved, sequence);
        lastSent = lastRetrieved;
        return new Accepted(Acceptance.STORED, advanceConfirmed());
    }

    /**
     * Mirror rebuilt from nothing (its store was lost): everything up to the origin's Last Processed
     * is done, so the prefixes start there rather than at zero. Returns the stored messages that are
     * now next in sequence (see {@link Accepted#inOrder()}).
     */
    public synchronized List<Slot> adoptFloor(long processedUpTo) {
        if (processedUpTo <= floor) {
            return List.of();
        }
        journal.keep(new FloorRaise(floor, processedUpTo));
        floor = processedUpTo;
        lastRetrieved = Math.max(lastRetrieved, floor);
        lastSent = Math.max(lastSent, floor);
        lastProcessed = advance(Math.max(lastProcessed, floor), Flag.PROCESSED);
        if (lastConfirmed < floor) {
            lastConfirmed = floor;
        }
        return advanceConfirmed();
    }

    private List<Slot> advanceConfirmed() {
        long before = lastConfirmed;
        lastConfirmed = advance(lastConfirmed, Flag.CONFIRMED);
        return between(before, lastConfirmed, Flag.PROCESSED);
    }

    /**
     * Origin, after an outage: what to send again — Last Confirmed up to Last Sent, skipping slots
     * confirmed individually — in sequence order. A slot whose retrieval has not committed is left out:
     * its own transaction sends it when it commits, and should it roll back, the sequence can go to
     * another message, which the mirror would then refuse as the one already sent under it.
     */
    public synchronized List<Slot> replayWindow() {
        return committedArrivals(between(lastConfirmed, lastSent, Flag.CONFIRMED));
    }

    /**
     * Origin, when the mirror lost its store: every message sent but not yet processed, in order, less
     * those whose retrieval has not committed (as in {@link #replayWindow}).
     */
    public synchronized List<Slot> rebuildWindow() {
        return committedArrivals(between(lastProcessed, lastSent, Flag.PROCESSED));
    }

    private List<Slot> committedArrivals(List<Slot> window) {
        window.removeIf(slot -> openWrites.arrivalOpen(slot.address(), slot.sequence()));
        return window;
    }

    /**
     * Mirror: what {@link #accept} has handed on (stored, nothing missing before it) and is not yet
     * processed, in sequence order; a message beyond a gap waits for the gap.
     */
    public synchronized List<Slot> undelivered() {
        return between(lastProcessed, lastConfirmed, Flag.PROCESSED);
    }

    public synchronized Pointers pointers() {
        return new Pointers(lastRetrieved, lastSent, lastConfirmed, lastProcessed);
    }

    public synchronized long floor() {
        return floor;
    }

    /** Slots holding a message not yet processed. */
    public synchronized int occupancy() {
        return unprocessedByMessageId.size();
    }

    public synchronized Optional<Slot> slot(long sequence) {
        return current(sequence);
    }

    /** Every slot in address order; null where a slot was never used. */
    public synchronized List<Slot> slots() {
        List<Slot> all = new ArrayList<>(capacity);
        for (Slot slot : slots) {
            all.add(slot);
        }
        return all;
    }

    private List<Slot> between(long after, long upTo, Flag skipWhen) {
        List<Slot> found = new ArrayList<>();
        for (long sequence = after + 1; sequence <= upTo; sequence++) {
            current(sequence).filter(slot -> !slot.has(skipWhen)).ifPresent(found::add);
        }
        return found;
    }

    private Optional<Slot> current(long sequence) {
        Slot slot = slots[addressOf(sequence)];
        return slot != null && slot.sequence() == sequence ? Optional.of(slot) : Optional.empty();
    }

    private Slot put(Slot slot) {
        int address = slot.address();
        SlotWrite write = new SlotWrite(address, slots[address], slot);
        slots[address] = slot;
        if (!slot.isProcessed()) {
            unprocessedByMessageId.put(slot.messageId(), slot.sequence());
        }
        openWrites.wrote(write, journal.keep(write));
        return slot;
    }

    /**
     * A transaction rolled back: puts back what its changes, newest first, replaced. A slot written since
     * by another open transaction keeps that write, which will undo to what this one found; a slot written
     * since by a committed one keeps that record, as its store does. Pointers are then derived again from
     * the slots, as {@link #restore} derives them, so other transactions' progress stays.
     */
    public synchronized void undo(List<RingChange> newestFirst) {
        for (RingChange change : newestFirst) {
            if (change instanceof SlotWrite write) {
                if (openWrites.undo(write)) {
                    slots[write.address()] = write.before();
                } else if (undoesProcessing(write)) {
                    strand(write.before());
                }
            } else if (change instanceof StrandedTaken taken) {
                strand(taken.record());
            } else if (change instanceof FloorRaise raise && floor == raise.after()) {
                // not chained like slot writes: floors are raised only by each site's link-reports, one
                // batch at a time, so no other open transaction raised it since
                floor = raise.before();
            }
        }
        derivePointers();
    }

    /**
     * What a processed report did: the record it wrote ({@code written}: its slot's, to be stored) and the
     * one whose sender is to be told ({@code toTell}: only if this report is the first to process it).
     */
    public record Reported(Optional<Slot> written, Optional<Slot> toTell) {
    }

    /**
     * Origin, a processed report, at once: its slot processed, or, if its sequence is in no slot, its
     * stranded record taken. Throws {@link SlotInDoubtException} while the record's old slot holds a
     * newer sequence whose retrieval is still open: should that roll back, the record is back in its slot.
     */
    public synchronized Reported processReported(long sequence) {
        Optional<Slot> current = current(sequence);
        if (current.isPresent()) {
            boolean first = !current.get().isProcessed();
            Optional<Slot> processed = process(sequence);
            return new Reported(processed, first ? processed : Optional.empty());
        }
        Slot record = stranded.get(sequence);
        if (record != null) {
            Slot occupant = slots[record.address()];
            if (occupant != null && openWrites.arrivalOpen(record.address(), occupant.sequence())) {
                throw new SlotInDoubtException(name, sequence, occupant.sequence());
            }
        }
        staleOrUnknown(sequence); // refuses a sequence never retrieved
        return new Reported(Optional.empty(), takeStranded(sequence));
    }

    /**
     * Origin: the record of {@code sequence}, if its processing was undone after its slot went to a newer
     * sequence; taken, so a report that comes again finds it once (given back if the taker rolls back).
     * Never a slot: nothing of it is written to the ring or its store.
     */
    public synchronized Optional<Slot> takeStranded(long sequence) {
        if (current(sequence).isPresent()) {
            stranded.remove(sequence);
            return Optional.empty();
        }
        Slot record = stranded.remove(sequence);
        if (record != null) {
            journal.keep(new StrandedTaken(record));
        }
        return Optional.ofNullable(record);
    }

    private static boolean undoesProcessing(SlotWrite write) {
        Slot before = write.before();
        return before != null && before.sequence() == write.after().sequence() && !before.isProcessed()
                && write.after().isProcessed();
    }

    private void strand(Slot record) {
        stranded.put(record.sequence(), record);
        if (stranded.size() > capacity) {
            stranded.pollFirstEntry();
        }
    }

    /** A transaction committed: its changes are no longer undone. */
    public synchronized void settle(List<RingChange> changes) {
        for (RingChange change : changes) {
            if (change instanceof SlotWrite write) {
                openWrites.settle(write);
            }
        }
    }

    /**
     * Pointers from the slots and the floor. Anything more than a ring's length behind the newest message
     * had its slot reused, so was processed.
     */
    private void derivePointers() {
        unprocessedByMessageId.clear();
        long highest = floor;
        long sent = floor;
        for (Slot slot : slots) {
            if (slot != null) {
                highest = Math.max(highest, slot.sequence());
                if (slot.has(Flag.SENT)) {
                    sent = Math.max(sent, slot.sequence());
                }
                if (!slot.isProcessed()) {
                    unprocessedByMessageId.put(slot.messageId(), slot.sequence());
                }
            }
        }
        lastRetrieved = highest;
        lastSent = sent;
        long start = Math.max(floor, highest - capacity);
        lastConfirmed = advance(start, Flag.CONFIRMED);
        lastProcessed = advance(start, Flag.PROCESSED);
    }

    /** Moves a prefix pointer forward over every following sequence that is done as far as {@code flag} goes. */
    private long advance(long from, Flag flag) {
        long pointer = from;
        while (pointer < lastRetrieved && isDone(pointer + 1, flag)) {
            pointer++;
        }
        return pointer;
    }

    private boolean isDone(long sequence, Flag flag) {
        if (sequence <= floor) {
            return true;
        }
        Slot slot = slots[addressOf(sequence)];
        if (slot == null || slot.sequence() < sequence) {
            return false; // not here yet
        }
        // A later message in the slot means this one was processed before the slot was reused.
        return slot.sequence() > sequence || slot.has(flag);
    }

    private Optional<Slot> staleOrUnknown(long sequence) {
        if (sequence <= lastProcessed || isDone(sequence, Flag.PROCESSED)) {
            return Optional.empty();
        }
        throw unknown(sequence);
    }

    private IllegalArgumentException unknown(long sequence) {
        return new IllegalArgumentException("Ring " + name + " has no message with sequence " + sequence
                + " (last retrieved " + lastRetrieved + ")");
    }
}
