package io.sluice.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Pointers;
import io.sluice.ring.Ring;
import io.sluice.ring.RingFullException;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;

/**
 * A ring together with its store: every transition is applied in memory and written to the store in
 * the caller's transaction. The ring's changes are kept in that transaction's {@link RingChanges}, which
 * undoes them if it rolls back (ADR 0026).
 */
public final class RingHandle {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RingHandle.class);
    /**
     * Both rings' size before ADR 0039 by default: a peer never heard from may still be of that version. A
     * ring that has heard its peer keeps its size in the store, and a fresh one waits for the peer's first
     * heart-beat anyway ({@link #positionKnown}).
     */
    static final int SIZE_BEFORE_ADR_0039 = 255;

    private final Direction direction;
    private final String carrier;
    private final int capacity;
    private final RingStore store;
    private final boolean origin;
    private volatile Ring ring;
    /**
     * Whether this end knows where the sequence stands. A ring whose store was empty at start-up may
     * belong to a site that lost its disk: until the peer's first heart-beat (see Resync) it must not
     * hand out sequence numbers the peer may already have seen.
     */
    private volatile boolean positionKnown;
    /** The open transaction whose heart-beat taught {@link #positionKnown}; null once that committed. */
    private RingChanges positionLearntIn;
    /**
     * The peer's Last Confirmed for this ring in the latest heart-beat heard from it since this process
     * started; this end's heart-beats echo it (ADR 0024).
     */
    private volatile OptionalLong peerConfirmed = OptionalLong.empty();
    /** The peer's slots for this ring as its latest heart-beat said; empty until heard (or from an older peer). */
    private volatile OptionalInt peerCapacity = OptionalInt.empty();
    /** The peer's slots as this process last wrote them to the store; empty until written, or if that rolled back. */
    private OptionalInt savedPeerCapacity = OptionalInt.empty();
    /** The open transaction that wrote {@link #savedPeerCapacity}; null once that committed. */
    private RingChanges peerSavedIn;

    public RingHandle(Direction direction, String carrier, int capacity, RingStore store) {
        this(direction, carrier, capacity, store, true, false);
    }

    /**
     * @param loadNow false on a passive standby core: the primary's mirror is still writing the store, which is
     *                loaded (and fitted to this capacity) only when the standby takes over; until then it is only
     *                checked, and what the takeover will do is logged
     * @param origin  whether this end is the ring's origin (the core's MT, the edge's MO); a mirror may not shrink
     *                below what its origin may have under way
     */
    public RingHandle(Direction direction, String carrier, int capacity, RingStore store, boolean loadNow,
                      boolean origin) {
        this.direction = direction;
        this.carrier = carrier;
        this.capacity = capacity;
        this.store = store;
        this.origin = origin;
        if (!loadNow) {
            store.checkFit(name(), !origin).ifPresent(takeover -> LOG.warn("Ring {} on this passive standby: {}",
                    name(), takeover));
        }
        this.ring = loadNow ? load() : journalled(new Ring(name(), capacity));
        this.positionKnown = ring.pointers().lastRetrieved() > 0;
    }

    /**
     * The ring as its store holds it, every later change told to the transaction that makes it. Loaded at
     * start-up and when a standby takes over, when no route writes the store: one written with another number
     * of slots is fitted to this one first (ADR 0039). Until the peer's next heart-beat, it runs no further
     * ahead than the peer's ring as last heard; with nothing heard ever (a store from before ADR 0039), no
     * further than the one size rings had before, whichever is smaller.
     */
    private Ring load() {
        store.fitToCapacity(name(), !origin);
        Ring loaded = store.load(name(), capacity);
        OptionalInt peer = peerCapacity.isPresent() ? peerCapacity : store.peerCapacity();
        loaded.limitWindow(peer.orElse(SIZE_BEFORE_ADR_0039));
        return journalled(loaded);
    }

    private Ring journalled(Ring loaded) {
        loaded.journal(change -> RingChanges.keep(this, loaded, change));
        return loaded;
    }

    /** What the store has committed, read now; memory is left as it is. */
    public Ring storedRing() {
        return store.load(name(), capacity);
    }

    /** Every record the store has committed, read now (see {@link RingStore#committed}). */
    RingStore.Committed committed() {
        return store.committed();
    }

    public boolean positionKnown() {
        return positionKnown;
    }

    /**
     * The peer's position has been taken into account: retrieval may start. Learnt in a transaction that
     * then rolls back, it is forgotten again and learnt from the next heart-beat.
     */
    public synchronized void markPositionKnown() {
        if (!positionKnown || positionLearntIn != null) { // not yet known for good: the latest teacher owns it
            positionLearntIn = RingChanges.positionLearnt(this);
        }
        positionKnown = true;
        notifyAll();
    }

    /** The transaction that taught the position committed: known for good. */
    synchronized void positionSettled(RingChanges transaction) {
        if (positionLearntIn == transaction) {
            positionLearntIn = null;
        }
    }

    /**
     * The transaction that taught the position rolled back (a floor it adopted, say, is undone with it),
     * unless a later one taught it again.
     */
    synchronized void forgetPosition(RingChanges transaction) {
        if (positionLearntIn == transaction) {
            positionLearntIn = null;
            positionKnown = false;
        }
    }

    /** Changes were undone: a slot may have become free for a waiting retrieve. */
    synchronized void wakeRetrievers() {
        notifyAll();
    }

    /**
     * A heart-beat from the peer arrived with its pointers for this ring, and its slots if it says. The mirror
     * takes a slot holding a newer sequence as proof that the older one was processed, so the origin must never
     * run further ahead than the smaller ring: the window follows the peer's size (kept in the store for the
     * next start), and the operator is told once per size heard that the two differ (ADR 0039).
     */
    public void heardPeer(Pointers peer, OptionalInt capacity) {
        peerConfirmed = OptionalLong.of(peer.lastConfirmed());
        if (capacity.isEmpty()) {
            return;
        }
        OptionalInt before = peerCapacity;
        peerCapacity = capacity;
        ring.limitWindow(capacity.getAsInt());
        wakeRetrievers(); // a larger window may free a waiting retrieve
        savePeerCapacity(capacity);
        if (!capacity.equals(before)) {
            if (capacity.getAsInt() != this.capacity) {
                LOG.warn("Ring {} has {} slots here and {} at the other end of the link: configure both alike (the"
                        + " edge's sluice.edge.{}ring-slots, the core's sluice.core.carriers.{}.{}ring-slots); until"
                        + " then no more than {} of its messages are under way at once", name(), this.capacity,
                        capacity.getAsInt(), prefix(), carrier, prefix(), ring.window());
            }
        }
    }

    /**
     * Writes the peer's size to the store when it differs from what this process last wrote there, in the
     * heart-beat's transaction: should that roll back, the next heart-beat writes it again.
     */
    private synchronized void savePeerCapacity(OptionalInt capacity) {
        if (!capacity.equals(savedPeerCapacity)) {
            store.savePeerCapacity(capacity.getAsInt());
            savedPeerCapacity = capacity;
            peerSavedIn = RingChanges.peerSaved(this);
        }
    }

    /** The transaction that wrote the peer's size committed: the store has it. */
    synchronized void peerSaveSettled(RingChanges transaction) {
        if (peerSavedIn == transaction) {
            peerSavedIn = null;
        }
    }

    /** The transaction that wrote the peer's size rolled back, or nobody knows: the next heart-beat writes it. */
    synchronized void forgetPeerSave(RingChanges transaction) {
        if (peerSavedIn == transaction) {
            peerSavedIn = null;
            savedPeerCapacity = OptionalInt.empty();
        }
    }

    private String prefix() {
        return direction == Direction.MO ? "mo-" : "";
    }

    /** The peer's slots for this ring as the store has them (committed), read now. */
    public OptionalInt storedPeerCapacity() {
        return store.peerCapacity();
    }

    /** The peer's slots for this ring as its latest heart-beat said; empty until one said. */
    public OptionalInt peerCapacity() {
        return peerCapacity;
    }

    /** The peer's Last Confirmed as its latest heart-beat said; empty until one was heard. */
    public OptionalLong peerConfirmed() {
        return peerConfirmed;
    }

    public String name() {
        return direction.ringName(carrier);
    }

    public Direction direction() {
        return direction;
    }

    public String carrier() {
        return carrier;
    }

    public int capacity() {
        return capacity;
    }

    public Ring ring() {
        return ring;
    }

    public Pointers pointers() {
        return ring.pointers();
    }

    /**
     * Origin: retrieve, waiting up to {@code patience} for a free slot (back-pressure) and, on a fresh
     * store, for the peer's position.
     */
    public Slot retrieve(Payload payload, Instant now, Duration patience) throws RingFullException, InterruptedException {
        return retrieve(payload, now, patience, false);
    }

    /**
     * Origin: {@link #retrieve} and mark sent at once, one store write instead of two, for a caller
     * whose data message leaves on the same transaction as the slot record (it is sent exactly when
     * the record commits, so the two flags are never apart in the store).
     */
    public Slot retrieveAndSend(Payload payload, Instant now, Duration patience) throws RingFullException,
            InterruptedException {
        return retrieve(payload, now, patience, true);
    }

    private Slot retrieve(Payload payload, Instant now, Duration patience, boolean sent) throws RingFullException,
            InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (!positionKnown) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RingFullException(name(), "waiting for the peer's first heart-beat (empty ring store)");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            while (true) {
                try {
                    Slot slot = ring.retrieve(payload, now);
                    if (sent) {
                        slot = ring.markSent(slot.sequence());
                    }
                    store.save(slot);
                    return slot;
                } catch (RingFullException full) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw full;
                    }
                    wait(Math.max(1, left / 1_000_000)); // woken by process() freeing a slot
                }
            }
        }
    }

    public Slot markSent(long sequence) {
        Slot slot = ring.markSent(sequence);
        store.save(slot);
        return slot;
    }

    public Optional<Slot> confirm(long sequence) {
        Optional<Slot> slot = ring.confirm(sequence);
        slot.ifPresent(store::save);
        return slot;
    }

    public Optional<Slot> process(long sequence) {
        Optional<Slot> slot = ring.process(sequence);
        slot.ifPresent(store::save);
        LOG.debug("{}: processed {} ({})", name(), sequence, slot.isPresent() ? "recorded" : "stale");
        synchronized (this) {
            notifyAll(); // a slot may have become free for a waiting retrieve
        }
        return slot;
    }

    /**
     * Origin, a processed report ({@link Ring#processReported}): the record written is stored; returns
     * the one whose sender is to be told, if any.
     */
    public Optional<Slot> processReported(long sequence) {
        Ring.Reported reported = ring.processReported(sequence);
        reported.written().ifPresent(store::save);
        wakeRetrievers(); // a slot may have become free
        return reported.toTell();
    }

    /** Mirror: stores a message from the link in its slot. */
    public Ring.Accepted accept(long sequence, Payload payload, Instant now) {
        Ring.Accepted accepted = ring.accept(sequence, payload, now);
        LOG.debug("{}: accepted {} {}, in order {}", name(), sequence, accepted.outcome(),
                accepted.inOrder().stream().map(Slot::sequence).toList());
        if (accepted.outcome() == Ring.Acceptance.STORED) {
            ring.slot(sequence).ifPresent(store::save);
        }
        return accepted;
    }

    /** Mirror rebuilt from nothing: adopt the origin's progress (see {@link Ring#adoptFloor}). */
    public List<Slot> adoptFloor(long floor) {
        List<Slot> inOrder = ring.adoptFloor(floor);
        store.saveFloor(ring.floor());
        return inOrder;
    }

    /**
     * Loads the ring again from its store, which others have written since start-up (a standby's
     * stores are filled by the primary's mirror); a ring that has sequences there knows its position.
     */
    public synchronized void restoreFromStore() {
        ring = load();
        positionKnown = positionKnown || ring.pointers().lastRetrieved() > 0;
        LOG.info("{}: restored from its store, pointers {}", name(), ring.pointers());
        notifyAll();
    }
}
