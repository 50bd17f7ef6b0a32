package io.sluice.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.sluice.link.EdgeLinkEnd;
import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.MoReassembler;
import io.sluice.sms.text.MoText;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Concatenated MO parts at the edge (ADR 0007): held durably in {@link MoPartStore} until their
 * message is whole (or timed out), then the whole text goes into the MO ring and the stored parts are
 * removed, all in the caller's {@code edgeTransaction}. The {@link MoReassembler} in memory always
 * mirrors what the store committed: it is rebuilt from the store at start-up and after a rollback (and,
 * should that read-back fail, before its next use).
 */
public final class MoAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(MoAssembly.class);

    private final MoPartStore store;
    private final EdgeLinkEnd link;
    private final Clock clock;
    private final Duration timeout;
    private final int maxPending;
    /**
     * Held from a call until its transaction completes: receive and timer never interleave between
     * deciding and committing (a timer removing a group's parts while a new part of it is uncommitted
     * would leave that part behind).
     */
    private final ReentrantLock lock = new ReentrantLock();
    private MoReassembler reassembler;
    /**
     * Memory may not mirror the store: a read-back did not finish (after a rollback, on a broken session).
     * Read back again before the next use, under the lock.
     */
    private boolean stale;
    /** Where each pending message was sent to: a message released by the timer still needs it. */
    private final Map<MoGroup, String> recipients = new HashMap<>();
    /** Texts that completed while the store was read back (never expected): sent on the next tick. */
    private final List<MoText> releasedOnLoad = new ArrayList<>();

    /**
     * @param timeout how long after its first part an incomplete message is released with markers
     * @param maxPending most incomplete messages held; one more releases the oldest early
     */
    public MoAssembly(MoPartStore store, EdgeLinkEnd link, Clock clock, Duration timeout, int maxPending) {
        this.store = store;
        this.link = link;
        this.clock = clock;
        this.timeout = timeout;
        this.maxPending = maxPending;
        reload();
    }

    /**
     * Route {@code smsc-receive}: one part. Returns the messages to send in the route's transaction
     * (nothing while the message is incomplete: the part is stored instead).
     *
     * @throws ProcessRequestException if the MO ring is full (ESME_RMSGQFUL; the SMSC retries the part)
     */
    public List<Message> accept(Exchange exchange, MoPart part) throws ProcessRequestException, InterruptedException {
        holdUntilTransactionEnds();
        List<MoText> ready = reassembler.accept(part.originator(), part.encoding(), true, part.shortMessage());
        if (reassembler.isPending(part.group())) {
            recipients.put(part.group(), part.recipient());
            store.save(part);
            LOG.debug("MO part of {} stored until its message is whole", part.group().id());
        }
        return send(exchange, ready, part);
    }

    /** Route {@code mo-reassembly-timeout}: messages still incomplete after the timeout, with markers. */
    public List<Message> releaseExpired(Exchange exchange) throws ProcessRequestException, InterruptedException {
        holdUntilTransactionEnds();
        List<MoText> ready = new ArrayList<>(releasedOnLoad);
        releasedOnLoad.clear();
        ready.addAll(reassembler.releaseExpired());
        return send(exchange, ready, null);
    }

    /** Incomplete messages held now. */
    public int pendingCount() {
        return reassembler.pendingCount();
    }

    private List<Message> send(Exchange exchange, List<MoText> ready, MoPart current)
            throws ProcessRequestException, InterruptedException {
        List<Message> out = new ArrayList<>();
        for (MoText text : ready) {
            if (text.group() == null) { // a single SMS never comes this way; kept whole if it does
                out.addAll(link.sendMo(exchange, text.originator(), current == null ? null : current.recipient(),
                        text.text()));
                continue;
            }
            String recipient = recipients.remove(text.group());
            if (recipient == null && current != null) {
                recipient = current.recipient(); // completed by this part, so never stored
            }
            int removed = store.remove(text.group());
            if (!text.complete()) {
                LOG.warn("MO message {} released incomplete ({} of {} parts): {}", text.group().id(),
                        text.partsReceived(), text.partsExpected(), text.text());
            }
            LOG.debug("MO message {} whole: {} stored parts removed", text.group().id(), removed);
            out.addAll(link.sendMo(exchange, text.originator(), recipient, text.text()));
        }
        return out;
    }

    private void holdUntilTransactionEnds() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("MO parts are handled only inside the edge's transaction");
        }
        if (lock.isHeldByCurrentThread()) {
            return; // a second call in the same transaction
        }
        lock.lock();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    if (status != STATUS_COMMITTED) {
                        reloadAfterRollback();
                    }
                } finally {
                    lock.unlock();
                }
            }
        });
        if (stale) {
            reload(); // should the store still be unreadable, this transaction fails and the SMSC retries
        }
    }

    /**
     * Spring only logs what a synchronisation throws, so a read-back that fails here would leave the
     * rolled-back state in memory (a group completed by the rolled-back part, gone from memory while its
     * parts stay stored, would later be released with markers for parts that arrived).
     */
    private void reloadAfterRollback() {
        try {
            reload();
        } catch (RuntimeException unreadable) {
            LOG.warn("MO parts could not be read back from {} after a rollback ({}); read again before the next part",
                    store.queue(), unreadable.toString());
        }
    }

    /** Memory back to what the store committed: at start-up, and after a transaction rolled back. */
    private void reload() {
        stale = true;
        reassembler = new MoReassembler(clock, timeout, maxPending);
        recipients.clear();
        releasedOnLoad.clear();
        List<MoPart> parts = store.load();
        for (MoPart part : parts) {
            recipients.put(part.group(), part.recipient());
            releasedOnLoad.addAll(reassembler.accept(part.originator(), part.encoding(), true, part.shortMessage()));
        }
        if (!parts.isEmpty()) {
            LOG.info("{} stored MO parts of {} incomplete messages reloaded from {}", parts.size(),
                    reassembler.pendingCount(), store.queue());
        }
        stale = false;
    }
}
