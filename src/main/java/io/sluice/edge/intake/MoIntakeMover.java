package io.sluice.edge.intake;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that moves MO intake records into the ring (ADR 0038): the oldest records, in order, through
 * route {@code mo-intake-move}, up to {@link #MOST_PER_MOVE} per transaction. A move that fails (the MO
 * ring full, the core's position not yet known, the broker's disk full) is tried again with half as many
 * records, and with one after a pause that doubles from 50 ms to 1 s; the records wait on disk meanwhile.
 */
public final class MoIntakeMover implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MoIntakeMover.class);
    static final String ROUTE = "direct:mo-intake-move";
    static final int MOST_PER_MOVE = 32;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** How long the thread waits for a record before it looks whether it should stop. */
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);

    private final MoIntakeLog log;
    private final CamelContext camel;
    private volatile boolean running;
    private Thread thread;
    private ProducerTemplate template;

    private MoIntakeMover(MoIntakeLog log, CamelContext camel) {
        this.log = log;
        this.camel = camel;
    }

    /**
     * A mover that starts when {@code camel} has started its routes ({@code mo-intake-move} among them) and
     * stops when it begins to stop, before the routes do.
     */
    public static MoIntakeMover attachedTo(CamelContext camel, MoIntakeLog log) {
        MoIntakeMover mover = new MoIntakeMover(log, camel);
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStarted(CamelContext context) {
                mover.start();
            }

            @Override
            public void onContextStopping(CamelContext context) {
                mover.close();
            }
        });
        return mover;
    }

    /** Starts moving; called once route {@code mo-intake-move} runs. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        template = camel.createProducerTemplate();
        running = true;
        thread = new Thread(this::run, "mo-intake-mover");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this thread should go on: a thread left over from before a stop ends after its move. */
    private synchronized boolean mine() {
        return running && thread == Thread.currentThread();
    }

    private void run() {
        Moves moves = new Moves();
        while (mine()) {
            try {
                // one move at a time, also with a thread left over from before a stop still finishing its own
                synchronized (log.moveTurn) {
                    moveOnce(moves);
                }
                if (moves.pauseNeeded) {
                    pauseFor(moves.pause);
                    moves.pauseNeeded = false;
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // e.g. the marker could not be read back: nothing moves until it is
                moves.mustReconcile = true;
                LOG.warn("MO intake: {}; tried again in {} ms", unexpected.toString(), LONGEST_PAUSE.toMillis());
                try {
                    pauseFor(LONGEST_PAUSE);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void moveOnce(Moves moves) throws InterruptedException {
        if (moves.mustReconcile) {
            // a failed move may have committed: the marker on disk says which records it took, before any moves again
            int alreadyMoved = log.reconcile();
            moves.mustReconcile = false;
            if (alreadyMoved > 0) {
                LOG.info("MO intake: a move reported failed had committed {} record(s); not moved again", alreadyMoved);
            }
        }
        List<IntakeRecord> batch = log.nextBatch(moves.most, IDLE_WAIT);
        if (batch.isEmpty()) {
            return;
        }
        String deadLetter = moves.deadLetterFor(batch);
        Exchange done = template.send(ROUTE, exchange -> {
            exchange.getMessage().setBody(batch);
            if (deadLetter != null) {
                exchange.setProperty(MoIntakeLog.UNUSABLE, deadLetter);
            }
        });
        if (done.getException() == null) {
            log.moved(done.getProperty(MoIntakeLog.MOVED_THROUGH, Long.class));
            moves.succeeded(log.pendingCount());
            return;
        }
        moves.mustReconcile = true;
        moves.failed(batch, done.getException(), log.pendingCount());
    }

    /** What the mover has learnt from its last moves: how many to try next, and whether to wait first. */
    private static final class Moves {
        /** Failures of a record moved alone, for a fault of its own, before it goes to the dead letters. */
        private static final int TRIES_OF_AN_UNUSABLE_RECORD = 3;

        int most = MOST_PER_MOVE;
        Duration pause = FIRST_PAUSE;
        boolean pauseNeeded;
        boolean mustReconcile;
        private boolean complained;
        private long suspect = -1;
        private int suspectFailures;
        private String suspectFault;

        /** The record to dead-letter instead of moving, when this batch is that record alone. */
        String deadLetterFor(List<IntakeRecord> batch) {
            boolean unusable = batch.size() == 1 && batch.get(0).sequence() == suspect
                    && suspectFailures >= TRIES_OF_AN_UNUSABLE_RECORD;
            return unusable ? suspectFault : null;
        }

        void succeeded(int waiting) {
            if (complained) {
                LOG.info("MO intake: moving into the ring again ({} waiting)", waiting);
                complained = false;
            }
            most = Math.min(MOST_PER_MOVE, most * 2);
            pause = FIRST_PAUSE;
        }

        void failed(List<IntakeRecord> batch, Exception failure, int waiting) {
            if (most > 1) {
                most = Math.max(1, most / 2); // the failing record may be further on: fewer, at once
                return;
            }
            if (MoveFailures.isTheRecordsOwn(failure)) {
                long sequence = batch.get(0).sequence();
                suspectFailures = sequence == suspect ? suspectFailures + 1 : 1;
                suspect = sequence;
                suspectFault = MoveFailures.describe(failure);
                if (suspectFailures >= TRIES_OF_AN_UNUSABLE_RECORD) {
                    return; // the next move takes it to the dead letters
                }
            }
            if (!complained) {
                LOG.warn("MO intake: cannot move into the MO ring yet ({}); {} record(s) wait on disk, trying again",
                        MoveFailures.describe(failure), waiting);
                complained = true;
            }
            pauseNeeded = true;
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** A back-off while the ring has no room; {@link #close} ends it at once. */
    private synchronized void pauseFor(Duration pause) throws InterruptedException {
        if (running) {
            wait(pause.toMillis());
        }
    }

    /** Stops moving; waits for a move in progress to end. The records not yet moved stay on disk. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            notifyAll();
            stopping = thread;
            thread = null;
        }
        log.wakeUp();
        if (stopping != null) {
            try {
                // a move waits at most for its transaction (and a ring's decision, 30 s); one left running
                // ends after it and does not move again (mine())
                stopping.join(Duration.ofSeconds(40).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (template != null) {
            try {
                template.stop();
            } catch (Exception e) {
                LOG.debug("producer template did not stop cleanly", e);
            }
        }
    }
}
