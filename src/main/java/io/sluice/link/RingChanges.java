package io.sluice.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.sluice.ring.Ring;
import io.sluice.ring.RingChange;
import io.sluice.ring.RingChange.FloorRaise;
import io.sluice.ring.RingChange.SlotWrite;
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
    /** How long a Spring transaction's log keeps trying to read the stores after a commit of unknown outcome. */
    private static final Duration UNKNOWN_OUTCOME_PATIENCE = Duration.ofSeconds(30);

    /** One kept change and the ring (the very instance) it was made in. */
    private record Kept(RingHandle handle, Ring ring, RingChange change) {
    }

    private final List<Kept> kept = new ArrayList<>();
    private final Set<RingHandle> positionsLearnt = new LinkedHashSet<>();

    private RingChanges() {
    }

    /** Opens a log on this thread for a transaction about to begin. */
    public static RingChanges begin() {
        RingChanges stale = CURRENT.get();
        if (stale != null && !stale.isEmpty()) {
            // its owner stopped before it could say how its transaction ended (a route stopping mid-rollback)
            LOG.warn("A ring transaction log of {} changes was left open on {}; dropped", stale.kept.size(),
                    Thread.currentThread().getName());
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

    /** A ring learnt where the sequence stands in the open transaction, if any (see {@link RingHandle#positionKnown}). */
    static void positionLearnt(RingHandle handle) {
        current().ifPresent(changes -> changes.positionsLearnt.add(handle));
    }

    public boolean isEmpty() {
        return kept.isEmpty() && positionsLearnt.isEmpty();
    }

    /** The transaction committed: its changes stay, and are no longer undone. */
    public void committed() {
        byRing(kept).forEach((ring, changes) -> ring.settle(changes));
        close();
    }

    /** The transaction rolled back: every change it made is undone, newest first. */
    public void rolledBack() {
        List<Kept> newestFirst = new ArrayList<>(kept);
        Collections.reverse(newestFirst);
        Map<Ring, List<RingChange>> rings = byRing(newestFirst);
        rings.forEach(Ring::undo);
        positionsLearnt.forEach(RingHandle::forgetPosition);
        kept.stream().map(Kept::handle).distinct().forEach(RingHandle::wakeRetrievers);
        if (!rings.isEmpty()) {
            LOG.info("Undid a rolled-back transaction's {} ring changes ({})", kept.size(),
                    kept.stream().map(k -> k.handle().name()).distinct().toList());
        }
        close();
    }

    /**
     * The commit failed in a way that leaves its outcome unknown (the connection broke while it was on its
     * way): the stores say which. A change of this transaction still in memory, not written since, and
     * different from what it replaced is looked up in its ring's store: found there, the transaction
     * committed; not, it rolled back. Transactions are atomic, so one such change decides for all.
     *
     * @throws RuntimeException if a store cannot be read; the log stays open and this can be called again
     */
    public void commitFailed() {
        Optional<Boolean> committed = Optional.empty();
        for (Kept change : kept) {
            committed = decides(change);
            if (committed.isPresent()) {
                break;
            }
        }
        LOG.warn("A commit of {} ring changes failed with its outcome unknown; the ring stores say it {}",
                kept.size(), committed.map(yes -> yes ? "committed" : "rolled back").orElse("changed nothing left to tell"));
        if (committed.orElse(false)) {
            committed();
        } else {
            rolledBack();
        }
    }

    /** Whether the store shows {@code change}, for a change that can tell; empty for one that cannot. */
    private static Optional<Boolean> decides(Kept change) {
        if (change.handle().ring() != change.ring()) {
            return Optional.empty(); // the ring was loaded again since (a standby taking over)
        }
        if (change.change() instanceof SlotWrite write) {
            if (!change.ring().holds(write) || Objects.equals(write.before(), write.after())) {
                return Optional.empty();
            }
            Ring stored = change.handle().storedRing();
            return Optional.of(Objects.equals(stored.slots().get(write.address()), write.after()));
        }
        FloorRaise raise = (FloorRaise) change.change();
        if (change.ring().floor() != raise.after()) {
            return Optional.empty();
        }
        return Optional.of(change.handle().storedRing().floor() == raise.after());
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
                    close();
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
