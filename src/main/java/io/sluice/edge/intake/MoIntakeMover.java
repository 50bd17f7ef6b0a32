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

    private void run() {
        int most = MOST_PER_MOVE;
        Duration pause = FIRST_PAUSE;
        boolean complained = false;
        while (running) {
            try {
                List<IntakeRecord> batch = log.nextBatch(most, IDLE_WAIT);
                if (batch.isEmpty()) {
                    continue;
                }
                Exchange done = template.send(ROUTE, exchange -> exchange.getMessage().setBody(batch));
                if (done.getException() == null) {
                    log.moved(done.getProperty(MoIntakeLog.MOVED_THROUGH, Long.class));
                    if (complained) {
                        LOG.info("MO intake: moving into the ring again ({} waiting)", log.pendingCount());
                        complained = false;
                    }
                    most = Math.min(MOST_PER_MOVE, most * 2);
                    pause = FIRST_PAUSE;
                    continue;
                }
                int alreadyMoved = log.reconcile(); // the commit may have happened before the failure was seen
                if (alreadyMoved > 0) {
                    LOG.info("MO intake: a failed move had committed {} record(s); not moved again", alreadyMoved);
                    continue;
                }
                if (most > 1) {
                    most = Math.max(1, most / 2);
                    continue;
                }
                if (!complained) {
                    LOG.warn("MO intake: cannot move into the MO ring yet ({}); {} record(s) wait on disk, trying again",
                            done.getException().getMessage(), log.pendingCount());
                    complained = true;
                }
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // e.g. the marker could not be read back: the records stay on disk, tried again after a pause
                LOG.warn("MO intake: move failed; tried again", unexpected);
                try {
                    pauseFor(LONGEST_PAUSE);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A back-off while the ring has no room; {@link #close} ends it at once. */
    private void pauseFor(Duration pause) throws InterruptedException {
        synchronized (this) {
            if (running) {
                wait(pause.toMillis());
            }
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
                stopping.join(Duration.ofSeconds(10).toMillis());
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
