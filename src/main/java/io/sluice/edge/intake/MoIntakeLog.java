package io.sluice.edge.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.sluice.core.Destinations;
import io.sluice.edge.MoIntake;
import io.sluice.im.Headers;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.link.Outgoing;
import io.sluice.sms.smpp.SmppStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's MO intake log (ADR 0038): an MO text the SMSC delivers is on disk here before the SMSC is
 * answered, and a mover ({@link MoIntakeMover}) takes it into the MO ring afterwards, in order, several
 * per transaction. The sequence of the last record moved is written in the same transaction as the move
 * ({@link MovedMarker}), so each record is moved exactly once across a kill -9.
 */
public final class MoIntakeLog implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(MoIntakeLog.class);
    static final long SEGMENT_BYTES = 4L << 20;
    /** Exchange property of a move: the sequence of the last record it took. */
    static final String MOVED_THROUGH = "SluiceMoIntakeMovedThrough";
    /**
     * Exchange property of a move of one record that failed, for a fault of its own, every time it was tried:
     * why. The record goes to the dead letters instead of the ring, so it holds up no record behind it.
     */
    static final String UNUSABLE = "SluiceMoIntakeUnusable";

    /** What turns a delivery's headers and body into the messages of its move (the ring slot, parts, dead letters). */
    @FunctionalInterface
    public interface MoHandler {
        List<Message> handle(Exchange exchange) throws ProcessRequestException, InterruptedException;
    }

    private final MovedMarker marker;
    private final Collection<String> headersKept;
    private final MoHandler handler;
    private final int maxPending;
    private final BooleanSupplier diskFull;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recordsWaiting = lock.newCondition();
    private final Deque<IntakeRecord> pending = new ArrayDeque<>();
    private final IntakeJournal journal;
    private boolean broken;
    /** Held by a mover for a whole move: two movers (one left over from before a stop) never move at once. */
    final Object moveTurn = new Object();

    /**
     * Opens the log in {@code directory}: the records after the marker on disk wait to be moved.
     *
     * @param headersKept the headers {@code handler} reads; the others are not kept
     * @param maxPending  records waiting to be moved beyond which a delivery is refused (the SMSC retries)
     * @param diskFull    whether the site's broker blocks for lack of disk (ADR 0018): refused then as well
     */
    public MoIntakeLog(Path directory, MovedMarker marker, Collection<String> headersKept, MoHandler handler,
                       int maxPending, BooleanSupplier diskFull) throws IOException {
        this.marker = marker;
        this.headersKept = List.copyOf(headersKept);
        this.handler = handler;
        this.maxPending = maxPending;
        this.diskFull = diskFull;
        long moved = marker.read();
        IntakeJournal.Opened opened = IntakeJournal.open(directory, SEGMENT_BYTES, moved);
        this.journal = opened.journal();
        for (IntakeJournal.Entry entry : opened.entries()) {
            pending.add(IntakeRecord.decode(entry.sequence(), entry.payload()));
        }
        journal.trimThrough(moved);
        LOG.info("MO intake log: {} record(s) after the last moved ({}) wait to be moved", pending.size(), moved);
    }

    /**
     * Route {@code smsc-receive}: the delivery on disk; when this returns the SMSC may be answered OK.
     *
     * @throws ProcessRequestException ESME_RMSGQFUL while the log is at its limit, the disk is full or the
     *                                 record could not be written: the SMSC retries later
     */
    public void append(Exchange exchange) throws ProcessRequestException {
        if (diskFull.getAsBoolean()) {
            throw queueFull("The edge's disk is full; try again later");
        }
        Message message = exchange.getMessage();
        IntakeRecord record = IntakeRecord.of(message.getBody(), message.getHeaders(), headersKept);
        byte[] payload = record.encode();
        lock.lock();
        try {
            if (broken) {
                throw queueFull("The MO intake log could not be written; it is read back at the next restart");
            }
            if (pending.size() >= maxPending) {
                throw queueFull("The MO intake log holds " + pending.size() + " messages not yet in the MO ring; try again later");
            }
            long sequence;
            try {
                sequence = journal.append(payload);
            } catch (IOException failed) {
                LOG.warn("MO intake log: could not write a delivery ({}); answered queue full", failed.toString());
                throw queueFull("The edge could not store the message: " + failed.getMessage());
            } catch (UncheckedIOException stuck) {
                broken = true;
                LOG.error("MO intake log: refusing deliveries until a restart", stuck);
                throw queueFull(stuck.getMessage());
            }
            pending.add(record.numbered(sequence));
            recordsWaiting.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static ProcessRequestException queueFull(String why) {
        return new ProcessRequestException(why, SmppStatus.ESME_RMSGQFUL.code());
    }

    /**
     * Route {@code mo-intake-move}, in its transaction: the records in the body through the handler, one
     * after the other, and the marker of the last one handled. Returns every message to send; exchange
     * property {@link #MOVED_THROUGH} says which records the move took. It ends after a part of a
     * concatenated message ({@link MoIntake#PART_OF_MANY}): a later part completing it would have to take
     * back a stored part that is not yet committed.
     */
    public List<Message> move(Exchange exchange) throws ProcessRequestException, InterruptedException {
        @SuppressWarnings("unchecked")
        List<IntakeRecord> batch = exchange.getMessage().getBody(List.class);
        String unusable = exchange.getProperty(UNUSABLE, String.class);
        if (unusable != null) {
            return deadLetter(exchange, batch.get(0), unusable);
        }
        List<Message> out = new ArrayList<>();
        long last = 0;
        for (IntakeRecord record : batch) {
            Message message = exchange.getMessage();
            message.setHeaders(new HashMap<>(record.headers()));
            message.setBody(record.body());
            exchange.removeProperty(MoIntake.PART_OF_MANY);
            out.addAll(handler.handle(exchange));
            last = record.sequence();
            if (exchange.getProperty(MoIntake.PART_OF_MANY) != null) {
                break;
            }
        }
        Outgoing markerMessage = new Outgoing(exchange.getContext());
        marker.write(markerMessage, last);
        out.addAll(markerMessage.messages());
        exchange.setProperty(MOVED_THROUGH, last);
        return out;
    }

    /** One record that cannot be moved, kept on the dead letters with why, and the marker past it. */
    private List<Message> deadLetter(Exchange exchange, IntakeRecord record, String why) {
        Object body = record.body();
        String text = body instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(body);
        LOG.error("MO intake record {} cannot be moved into the MO ring ({}); kept on {} for an operator",
                record.sequence(), why, Destinations.DEAD);
        Outgoing out = new Outgoing(exchange.getContext());
        Message dead = out.to(Destinations.DEAD, text);
        dead.setHeader(Headers.DETAIL, "MO_INTAKE_UNUSABLE: " + why);
        Object from = record.headers().getOrDefault(SmppConstants.SOURCE_ADDR, record.headers().get(Cimd2Headers.ORIGINATOR));
        if (from != null) {
            dead.setHeader(Headers.SENDER, from); // Camel's own header names do not cross to JMS
        }
        marker.write(out, record.sequence());
        exchange.setProperty(MOVED_THROUGH, record.sequence());
        return out.messages();
    }

    /**
     * The mover: up to {@code most} records in order, waiting up to {@code wait} for the first; empty if
     * none came.
     */
    List<IntakeRecord> nextBatch(int most, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (pending.isEmpty() && nanos > 0) {
                nanos = recordsWaiting.awaitNanos(nanos);
            }
            List<IntakeRecord> batch = new ArrayList<>(Math.min(most, pending.size()));
            for (IntakeRecord record : pending) {
                if (batch.size() == most) {
                    break;
                }
                batch.add(record);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** The mover: its transaction committed, every record through {@code sequence} is in the ring. */
    void moved(long sequence) {
        lock.lock();
        try {
            while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
                pending.removeFirst();
            }
            try {
                journal.trimThrough(sequence);
            } catch (IOException e) {
                LOG.warn("MO intake log: could not delete a segment already moved ({}); tried again later", e.toString());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The mover, after a move failed: its commit may still have happened, so the marker on disk says which
     * records are moved. Returns how many of those waiting it covered.
     */
    int reconcile() {
        long moved = marker.read();
        lock.lock();
        try {
            int before = pending.size();
            moved(moved);
            return before - pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Records on disk not yet in the MO ring. */
    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a mover waiting for records (it is stopping). */
    void wakeUp() {
        lock.lock();
        try {
            recordsWaiting.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            journal.close();
        } finally {
            lock.unlock();
        }
    }
}
