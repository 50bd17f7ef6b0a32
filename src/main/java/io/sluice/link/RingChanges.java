package io.sluice.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sluice.ring.Ring;
import io.sluice.ring.RingChange;
import io.sluice.ring.RingChange.FloorRaise;
import io.sluice.ring.RingChange.StrandedTaken;
import io.sluice.ring.RingChange.SlotWrite;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction changed in the rings, kept so that a rollback undoes exactly that and nothing
 * another transaction did (ADR 0026). Bound to the thread that runs the transaction, as Spring binds the
 * JMS session the ring stores write on.
 *
 * <p>Whoever owns the transaction opens the log and tells it how the transaction ended: the
 * {@code groupcommit:} consumer through its batch listener ({@link RingRegistry}), the edge's MT
 * bookkeeper ({@code MtOutcomes}). A Spring-managed transaction (the edge's {@code edgeTransaction})
 * needs nobody: the first change in it opens a log that follows the transaction's synchronisation. A
 * change made with no transaction open (start-up, a template that commits by itself) is not kept.
 */
public final class RingChanges {

    private static final Logger LOG = LoggerFactory.getLogger(RingChanges.class);
    private static final ThreadLocal<RingChanges> CURRENT = new ThreadLocal<>();
    /**
     * How long a Spring transaction's log keeps trying to read the stores after a commit of unknown
     * outcome, on the thread of the edgeTransaction that holds the next transaction back (a broker that
     * cannot be read for that long is down, and so is everything the next transaction would do).
     */
    private static final Duration UNKNOWN_OUTCOME_PATIENCE = Duration.ofSeconds(30);

    /** One kept change and the ring (the very instance) it was made in. */
    private record Kept(RingHandle handle, Ring ring, RingChange change) {
    }

    private final List<Kept> kept = new ArrayList<>();
    private final Set<RingHandle> positionsLearnt = new LinkedHashSet<>();
    private final Set<RingHandle> peersSaved = new LinkedHashSet<>();

    private RingChanges() {
    }

    /** Opens a log on this thread for a transaction about to begin. */
    public static RingChanges begin() {
        RingChanges stale = CURRENT.get();
        if (stale != null && !stale.isEmpty()) {
            // its owner stopped before it could say how its transaction ended (a route stopping mid-rollback)
            LOG.warn("A ring transaction log of {} changes was left open on {}; dropped", stale.kept.size(),
                    Thread.currentThread().getName());
            stale.abandon();
        }
        RingChanges changes = new RingChanges();
        CURRENT.set(changes);
        return changes;
    }

    /** The log open on this thread, if any. */
    public static Optional<RingChanges> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * A ring's journal: keeps {@code change} in the log open on this thread, opening one that follows the
     * Spring transaction in progress if there is such a transaction but no log.
     */
    static boolean keep(RingHandle handle, Ring ring, RingChange change) {
        RingChanges changes = CURRENT.get();
        if (changes == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            changes = followSpringTransaction();
        }
        if (changes == null) {
            return false;
        }
        changes.kept.add(new Kept(handle, ring, change));
        return true;
    }

    /**
     * A ring learnt where the sequence stands (see {@link RingHandle#positionKnown}): in the transaction
     * open on this thread, which it returns, or for good (null).
     */
    static RingChanges positionLearnt(RingHandle handle) {
        RingChanges changes = CURRENT.get();
        if (changes != null) {
            changes.positionsLearnt.add(handle);
        }
        return changes;
    }

    /**
     * A ring wrote its peer's size to its store (see {@link RingHandle#heardPeer}): in the transaction open
     * on this thread, which it returns, or for good (null).
     */
    static RingChanges peerSaved(RingHandle handle) {
        RingChanges changes = CURRENT.get();
        if (changes != null) {
            changes.peersSaved.add(handle);
        }
        return changes;
    }

    public boolean isEmpty() {
        return kept.isEmpty() && positionsLearnt.isEmpty() && peersSaved.isEmpty();
    }

    /** The transaction committed: its changes stay, and are no longer undone. */
    public void committed() {
        byRing(kept).forEach((ring, changes) -> ring.settle(changes));
        positionsLearnt.forEach(handle -> handle.positionSettled(this));
        peersSaved.forEach(handle -> handle.peerSaveSettled(this));
        close();
    }

    /**
     * Nobody will say how the transaction ended: its changes stay as memory has them, as a commit of
     * unknown outcome that no store can tell keeps them, and are no longer open. An open write would
     * otherwise stay open for good, and a replay leaves out a slot whose arrival is open.
     */
    public void abandon() {
        byRing(kept).forEach(Ring::settle);
        peersSaved.forEach(handle -> handle.forgetPeerSave(this)); // written again: harmless if it was there
        close();
    }

    /** The transaction rolled back: every change it made is undone, newest first. */
    public void rolledBack() {
        List<Kept> newestFirst = new ArrayList<>(kept);
        Collections.reverse(newestFirst);
        Map<Ring, List<RingChange>> rings = byRing(newestFirst);
        rings.forEach(Ring::undo);
        positionsLearnt.forEach(handle -> handle.forgetPosition(this));
        peersSaved.forEach(handle -> handle.forgetPeerSave(this));
        kept.stream().map(Kept::handle).distinct().forEach(RingHandle::wakeRetrievers);
        if (!rings.isEmpty()) {
            LOG.info("Undid a rolled-back transaction's {} ring changes ({})", kept.size(),
                    kept.stream().map(k -> k.handle().name()).distinct().toList());
        }
        close();
    }

    /**
     * The commit failed in a way that leaves its outcome unknown (the connection broke while it was on its
     * way): the stores say which. A slot write shows in its ring's store as a record of its sequence with
     * at least its flags (flags only accumulate, and each stage of a sequence has a record of its own, see
     * {@link io.sluice.ring.RingStore#keyOf}); a floor raise as a stored floor at least as high.
     * Transactions are atomic, so the first change that can tell decides for all. One that changed nothing
     * a store could show cannot tell; if none can, the changes are kept: undoing a retrieval that did
     * commit would hand its sequence out twice.
     *
     * @return whether the transaction committed
     * @throws RuntimeException if a store cannot be read; the log stays open and this can be called again
     */
    public boolean commitFailed() {
        Map<RingHandle, RingStore.Committed> stores = new HashMap<>();
        Optional<Boolean> evidence = Optional.empty();
        for (Kept change : kept) {
            evidence = evidenceOf(change, stores);
            if (evidence.isPresent()) {
                break;
            }
        }
        boolean committed = evidence.orElse(true);
        if (evidence.isEmpty()) {
            restrandTaken(); // a status told twice rather than not at all: the report may come again
        }
        LOG.warn("A commit of {} ring changes failed with its outcome unknown; the ring stores say it {}", kept.size(),
                evidence.isEmpty() ? "changed nothing they show (kept)" : committed ? "committed" : "rolled back");
        if (committed) {
            committed();
        } else {
            rolledBack();
        }
        return committed;
    }

    private void restrandTaken() {
        byRing(kept.stream().filter(change -> change.change() instanceof StrandedTaken).toList()).forEach(Ring::undo);
    }

    /** Whether the store shows {@code change} committed; empty for a change that cannot tell. */
    private static Optional<Boolean> evidenceOf(Kept change, Map<RingHandle, RingStore.Committed> stores) {
        RingStore.Committed stored = stores.computeIfAbsent(change.handle(), RingHandle::committed);
        if (change.change() instanceof FloorRaise raise) {
            return Optional.of(stored.floor() >= raise.after());
        }
        if (!(change.change() instanceof SlotWrite write)) {
            return Optional.empty(); // a stranded record taken: nothing of it is stored
        }
        Slot after = write.after();
        boolean newSequence = write.before() == null || write.before().sequence() != after.sequence();
        if (!newSequence && write.before().flags().containsAll(after.flags())) {
            return Optional.empty(); // it wrote again what was there
        }
        List<Slot> records = stored.slots().stream()
                .filter(record -> record.sequence() == after.sequence() && record.messageId().equals(after.messageId()))
                .toList();
        if (records.stream().anyMatch(record -> record.flags().containsAll(after.flags()))) {
            return Optional.of(true);
        }
        if (!records.isEmpty() || newSequence) {
            return Optional.of(false); // its sequence is there without its flags, or a new one is not there
        }
        return Optional.empty(); // every record of its sequence replaced two laps on: too old to tell
    }

    private static Map<Ring, List<RingChange>> byRing(List<Kept> changes) {
        Map<Ring, List<RingChange>> byRing = new LinkedHashMap<>();
        for (Kept change : changes) {
            if (change.handle().ring() == change.ring()) { // not a ring loaded again since
                byRing.computeIfAbsent(change.ring(), ring -> new ArrayList<>()).add(change.change());
            }
        }
        return byRing;
    }

    private void close() {
        kept.clear();
        positionsLearnt.clear();
        peersSaved.clear();
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    /**
     * A log for the Spring transaction in progress on this thread, settled when it completes. A commit of
     * unknown outcome is decided from the stores then and there, trying for a while if they cannot be read:
     * the thread is the edgeTransaction's, which holds the next transaction back until this one is settled.
     */
    private static RingChanges followSpringTransaction() {
        RingChanges changes = begin();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                switch (status) {
                    case STATUS_COMMITTED -> changes.committed();
                    case STATUS_ROLLED_BACK -> changes.rolledBack();
                    default -> changes.decideWithPatience();
                }
            }
        });
        return changes;
    }

    private void decideWithPatience() {
        long giveUpAt = System.nanoTime() + UNKNOWN_OUTCOME_PATIENCE.toNanos();
        long delayMs = 100;
        while (true) {
            try {
                commitFailed();
                return;
            } catch (RuntimeException storesUnreadable) {
                if (System.nanoTime() > giveUpAt || Thread.currentThread().isInterrupted()) {
                    LOG.error("Could not tell whether a transaction of {} ring changes committed ({}); rings {} in "
                                    + "memory may differ from their stores until the site restarts", kept.size(),
                            storesUnreadable.toString(), kept.stream().map(k -> k.handle().name()).distinct().toList());
                    abandon();
                    return;
                }
                try {
                    Thread.sleep(delayMs); // back-off between attempts to read the stores
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                delayMs = Math.min(delayMs * 2, 5000);
            }
        }
    }
}
