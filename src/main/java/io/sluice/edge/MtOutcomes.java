package io.sluice.edge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.sluice.broker.JmsProperties;
import io.sluice.link.RingChanges;
import io.sluice.link.RingHandle;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The edge's MT bookkeeper (ADR 0021). The SMSC route records each message's outcome here and goes
 * on to its next submit; a thread of this class writes the outcomes (the ring slot processed, the
 * report for the core) in group commits on a session of its own, so the disk sync overlaps with the
 * next SMSC handshake instead of adding to it. {@link #awaitRoom} keeps at most {@code maxUnsynced}
 * outcomes waiting for their commit when the next submit goes out: a kill -9 makes the SMSC get
 * those again after the restart (their slots are still unprocessed on disk), and nothing else.
 */
public final class MtOutcomes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MtOutcomes.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** How long {@link #close} keeps trying to commit what is left before giving it up to the next start. */
    private static final Duration FLUSH_AT_CLOSE = Duration.ofSeconds(10);

    /** One MT message's outcome: its MT ring sequence and the reports that tell the core. */
    private record Outcome(long sequence, List<Message> reports) {
    }

    private final ConnectionFactory connectionFactory;
    private final RingHandle ring;
    private final int maxUnsynced;
    private final Thread writer;
    private final Object lock = new Object();
    /** Recorded, not yet taken by the writer. */
    private final ArrayDeque<Outcome> recorded = new ArrayDeque<>();
    /** Recorded, not yet committed (taken or not). */
    private int unsynced;
    private volatile boolean closing;
    /** The ring changes of the writer's last attempt, whose commit failed with its outcome unknown; or null. */
    private RingChanges unknownOutcome;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    /**
     * @param connectionFactory the factory the ring store writes on: the writer's session is exposed to
     *                          it, so the slot records join the writer's transaction
     * @param maxUnsynced       outcomes that may wait for their commit when the next submit goes out;
     *                          0 is strict stop-and-wait with the disk
     */
    public MtOutcomes(ConnectionFactory connectionFactory, RingHandle ring, int maxUnsynced) {
        if (maxUnsynced < 0) {
            throw new IllegalArgumentException("maxUnsynced must be 0 or more, not " + maxUnsynced);
        }
        this.connectionFactory = connectionFactory;
        this.ring = ring;
        this.maxUnsynced = maxUnsynced;
        this.writer = new Thread(this::writeUntilClosed, "mt-outcomes-" + ring.carrier());
        this.writer.setDaemon(true);
    }

    /**
     * Starts the writer. Deliberately not a Camel {@code Service}: Camel takes over the life cycle of a
     * Service bean its routes call, and in a running edge it stopped this one while the routes went on
     * (a thread dump showed no writer; the MT ring filled up).
     */
    public synchronized void start() {
        if (!writer.isAlive() && !closing) {
            writer.start();
        }
    }

    /**
     * Route {@code smsc-submit}, right before the submit: waits while more outcomes than allowed wait
     * for their commit (a slow disk slows the SMSC loop down rather than widen what a crash repeats).
     */
    public void awaitRoom() throws InterruptedException {
        synchronized (lock) {
            while (unsynced > maxUnsynced && !closing) {
                lock.wait(1000);
            }
        }
    }

    /**
     * Routes {@code smsc-submit} and {@code smsc-errors}: the outcome of MT {@code sequence} (accepted,
     * refused, expired), with the reports {@link io.sluice.link.EdgeLinkEnd} made for it.
     */
    public void record(@Header(io.sluice.link.LinkHeaders.SEQUENCE) long sequence, @Body List<Message> reports) {
        if (!writer.isAlive()) {
            // the route retries this step: the outcome is held, not dropped
            throw new IllegalStateException("The MT bookkeeper of ring " + ring.name() + " is not running");
        }
        synchronized (lock) {
            recorded.add(new Outcome(sequence, List.copyOf(reports)));
            unsynced++;
            lock.notifyAll();
        }
    }

    /** Outcomes recorded and not yet committed. */
    public int unsynced() {
        synchronized (lock) {
            return unsynced;
        }
    }

    private void writeUntilClosed() {
        while (true) {
            List<Outcome> batch = nextBatch();
            if (batch.isEmpty()) {
                return; // closing, nothing left
            }
            commitWithRetries(batch);
            synchronized (lock) {
                unsynced -= batch.size();
                lock.notifyAll();
            }
        }
    }

    /** Everything recorded so far: one commit for all of it (a group commit). */
    private List<Outcome> nextBatch() {
        synchronized (lock) {
            while (recorded.isEmpty() && !closing) {
                try {
                    lock.wait();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            List<Outcome> batch = new ArrayList<>(recorded);
            recorded.clear();
            return batch;
        }
    }

    private void commitWithRetries(List<Outcome> batch) {
        Duration delay = FIRST_RETRY;
        long giveUpAt = Long.MAX_VALUE;
        while (true) {
            try {
                if (unknownOutcome != null && decidedCommitted()) {
                    return; // the stores show it went through: writing it again would report twice
                }
                commit(batch);
                return;
            } catch (JMSException | RuntimeException failure) {
                closeSession();
                if (closing) {
                    giveUpAt = Math.min(giveUpAt, System.nanoTime() + FLUSH_AT_CLOSE.toNanos());
                }
                if (System.nanoTime() > giveUpAt) {
                    LOG.error("Giving up {} MT outcomes at shutdown ({}); their messages go to the SMSC again at "
                            + "the next start", batch.size(), failure.toString());
                    return;
                }
                LOG.warn("Could not commit {} MT outcomes, trying again in {} ms: {}", batch.size(), delay.toMillis(),
                        failure.toString());
                if (!pause(delay)) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay.multipliedBy(2);
            }
        }
    }

    /**
     * The last attempt's commit failed with its outcome unknown: the ring store says whether it went
     * through (ADR 0026). Throws, and is asked again before the next attempt, while the store cannot be read.
     */
    private boolean decidedCommitted() {
        boolean committed = unknownOutcome.commitFailed();
        unknownOutcome = null;
        return committed;
    }

    /** Slot records (through the ring store's template, which finds the exposed session) and reports, one commit. */
    private void commit(List<Outcome> batch) throws JMSException {
        Session transacted = session();
        RingChanges changes = RingChanges.begin();
        boolean committing = false;
        TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(connection, transacted));
        try {
            for (Outcome outcome : batch) {
                processInRing(outcome.sequence());
                for (Message report : outcome.reports()) {
                    send(transacted, report);
                }
            }
            committing = true;
            transacted.commit();
        } catch (JMSException | RuntimeException failure) {
            if (committing && !(failure instanceof TransactionRolledBackException)) {
                unknownOutcome = changes;
            } else {
                rollBackQuietly(transacted);
                changes.rolledBack(); // memory back to what committed before the back-off, not after it
            }
            throw failure;
        } finally {
            TransactionSynchronizationManager.unbindResource(connectionFactory);
        }
        changes.committed();
    }

    private static void rollBackQuietly(Session transacted) {
        try {
            transacted.rollback();
        } catch (JMSException ignored) {
            // the session is closed next anyway
        }
    }

    /**
     * The SMSC has answered: whatever the ring says, this must not roll back (the SMSC would get the
     * message twice), so a sequence the ring does not know is logged rather than thrown.
     */
    private void processInRing(long sequence) {
        try {
            ring.process(sequence);
        } catch (IllegalArgumentException unknown) {
            LOG.error("The SMSC answered for MT sequence {} which ring {} does not hold: {}", sequence, ring.name(),
                    unknown.getMessage());
        }
    }

    /**
     * A report as the route's {@code to: jms:} would have sent it: text body, headers as properties,
     * persistent, to the queue its header names.
     */
    private void send(Session transacted, Message report) throws JMSException {
        TextMessage message = transacted.createTextMessage(report.getBody(String.class));
        JmsProperties.copy(report.getHeaders(), message);
        producer.send(transacted.createQueue(report.getHeader(JmsConstants.JMS_DESTINATION_NAME, String.class)), message);
    }

    /** The writer's session and one producer for every queue, kept until a failure closes them. */
    private Session session() throws JMSException {
        if (session == null) {
            connection = connectionFactory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }
        return session;
    }

    private void closeSession() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException ignored) {
            // broken already
        }
        connection = null;
        session = null;
        producer = null;
    }

    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // back-off between commit attempts, not synchronisation
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Commits what is recorded (the routes have stopped by now), then stops the writer. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            writer.join(FLUSH_AT_CLOSE.multipliedBy(2).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
        closeSession();
    }

}
