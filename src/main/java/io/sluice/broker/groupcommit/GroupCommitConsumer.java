package io.sluice.broker.groupcommit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import io.sluice.Causes;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsBinding;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One thread, one kept transacted session: receives a message, runs it through the route, takes the
 * next one if it is already there, and so on up to the endpoint's limits; then one commit for all
 * (ADR 0025). Messages go through the route in queue order, one at a time, as with a single
 * {@code jms:} consumer; only the commits are shared.
 *
 * <p>A failed exchange or a failed commit rolls the whole batch back: the broker delivers it again,
 * in order, and the endpoint's {@link BatchListener} puts back what the batch changed in memory
 * before anything else is received. The messages before the failed one then go in a batch of their
 * own, and the failed one alone, so that it holds up nothing else ({@link BatchSizes}).
 */
final class GroupCommitConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitConsumer.class);
    /** How soon an idle consumer notices that its route is stopping. */
    private static final long RECEIVE_TIMEOUT_MS = 250;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** The longest stopping the route waits for the batch in hand (Camel's shutdown timeout, if shorter). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final GroupCommitEndpoint endpoint;
    private ExecutorService executor;
    private Worker worker;

    GroupCommitConsumer(GroupCommitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // a new worker each start: one that outlived a timed-out stop keeps its own session and stops
        worker = new Worker(endpoint.connectionFactory(), endpoint.jmsEndpoint().getBinding());
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "GroupCommit[" + endpoint.queue() + "]");
        executor.execute(worker);
    }

    @Override
    protected void doStop() throws Exception {
        if (worker != null) {
            worker.stop();
        }
        if (executor != null) {
            long shutdownMs = endpoint.getCamelContext().getShutdownStrategy().getTimeUnit()
                    .toMillis(endpoint.getCamelContext().getShutdownStrategy().getTimeout());
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(executor,
                    Math.min(STOP_TIMEOUT.toMillis(), Math.max(1000, shutdownMs - 1000)));
            executor = null;
        }
        super.doStop();
    }

    /** One run of the consumer, from a start to its stop, with the session it keeps. */
    private final class Worker implements Runnable {

        private final ConnectionFactory connectionFactory;
        private final JmsBinding binding;
        private final BatchSizes sizes = new BatchSizes(endpoint.getMaxMessages());
        private final Object stopping = new Object();
        private volatile boolean running = true;
        private Connection connection;
        private Session session;
        private MessageConsumer consumer;

        Worker(ConnectionFactory connectionFactory, JmsBinding binding) {
            this.connectionFactory = connectionFactory;
            this.binding = binding;
        }

        void stop() {
            running = false;
            synchronized (stopping) {
                stopping.notifyAll();
            }
        }

        @Override
        public void run() {
            Duration delay = FIRST_RETRY;
            try {
                while (running) {
                    try {
                        takeOneBatch();
                        delay = FIRST_RETRY;
                    } catch (JMSException | RuntimeException | Error broken) {
                        // an Error too: a worker that ended here would leave the route started and its queue unread
                        closeSession();
                        if (!running) {
                            return;
                        }
                        if (isDuplicateRefused(broken)) {
                            // not a lost session: the same batch will be refused the same way, and the queue waits
                            LOG.error("groupcommit:{}: the broker refused a message the batch sent as a duplicate, so "
                                    + "it refused the whole transaction; the batch will fail the same way until the "
                                    + "route stops sending it ({}); trying again in {} ms", endpoint.queue(),
                                    broken.toString(), delay.toMillis());
                        } else {
                            LOG.warn("groupcommit:{} lost its broker session ({}); trying again in {} ms",
                                    endpoint.queue(), broken.toString(), delay.toMillis());
                        }
                        if (!pause(delay)) {
                            return;
                        }
                        delay = longer(delay);
                    }
                }
            } finally {
                closeSession();
            }
        }

        /** Whether Artemis' duplicate detection refused the transaction (ActiveMQDuplicateIdException). */
        private static boolean isDuplicateRefused(Throwable failure) {
            // Artemis' JMS client makes the ActiveMQException the JMSException's cause
            return Causes.find(failure, ActiveMQDuplicateIdException.class).isPresent();
        }

        /** Waits a little for a first message; with one, runs a batch and commits or rolls it back. */
        private void takeOneBatch() throws JMSException {
            Session transacted = session();
            Message first = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (first == null) {
                return;
            }
            List<Exchange> batch = new ArrayList<>();
            int failedAt = 0;
            Ending ending = Ending.ROLLED_BACK;
            tellListener(BatchListener::beginning, "opening a batch");
            // the route's jms: sends and the ring stores find this session and join its transaction
            TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(connection, transacted));
            try {
                int limit = sizes.next();
                long openedAt = System.nanoTime();
                Message next = first;
                while (next != null) {
                    Exchange exchange = route(next, transacted);
                    batch.add(exchange);
                    if (failed(exchange)) {
                        failedAt = batch.size();
                        break;
                    }
                    if (batch.size() >= limit || !running || endsBatch(exchange)
                            || System.nanoTime() - openedAt >= endpoint.getMaxMillis() * 1_000_000) {
                        break;
                    }
                    next = consumer.receiveNoWait();
                }
                if (failedAt == 0) {
                    ending = Ending.UNKNOWN; // from here on, a failure may have reached the broker's commit
                    transacted.commit();
                    ending = Ending.COMMITTED;
                    sizes.committed();
                }
            } catch (TransactionRolledBackException rolledBack) {
                ending = Ending.ROLLED_BACK; // the broker says so
                throw rolledBack;
            } finally {
                TransactionSynchronizationManager.unbindResource(connectionFactory);
                if (ending == Ending.COMMITTED) {
                    List<Exchange> done = List.copyOf(batch);
                    tellListener(listener -> listener.committed(done), "settling a committed batch");
                } else {
                    rollBack(transacted, batch, failedAt, ending);
                }
                batch.forEach(exchange -> releaseExchange(exchange, false));
            }
        }

        /** The route's steps for one message, on this thread (so inside the batch's transaction). */
        private Exchange route(Message message, Session transacted) {
            Exchange exchange = createExchange(false);
            exchange.setProperty(Exchange.BINDING, binding);
            exchange.setIn(new JmsMessage(exchange, message, transacted, binding));
            try {
                getProcessor().process(exchange);
            } catch (Exception failure) {
                exchange.setException(failure);
            }
            return exchange;
        }

        /**
         * @param failedAt the position of the exchange that failed, or 0 when the commit (or a receive) did:
         *                 then the exception on its way up says why, and the session is replaced
         */
        private void rollBack(Session transacted, List<Exchange> batch, int failedAt, Ending ending) {
            try {
                transacted.rollback();
            } catch (JMSException | RuntimeException brokenSession) {
                // a session whose rollback failed must not carry on: the next commit would commit this batch
                LOG.warn("groupcommit:{}: rollback failed ({}); the session is replaced", endpoint.queue(),
                        brokenSession.toString());
                closeSession();
            }
            if (failedAt > 0) {
                sizes.failedAt(failedAt);
            } else {
                sizes.commitFailed();
            }
            if (failedAt > 1) {
                Exchange failed = batch.get(failedAt - 1);
                LOG.warn("groupcommit:{}: a batch of {} rolled back because message {} failed ({}); the {} before it "
                                + "go again in a batch of their own, then it alone", endpoint.queue(), batch.size(),
                        failedAt, failed.getException() == null ? "marked rollback-only" : failed.getException().toString(),
                        failedAt - 1);
            }
            List<Exchange> undone = List.copyOf(batch);
            if (ending == Ending.UNKNOWN) {
                tellListener(listener -> listener.commitFailed(undone), "settling a batch whose commit failed");
            } else {
                tellListener(listener -> listener.rolledBack(undone), "putting back what a rolled-back batch changed");
            }
        }

        /**
         * Until the listener has done its part, nothing more is received: a batch run on memory ahead of
         * what committed would take its redelivered messages for ones already handled.
         */
        private void tellListener(Consumer<BatchListener> call, String what) {
            Duration delay = FIRST_RETRY;
            while (true) {
                try {
                    call.accept(endpoint.getBatchListener());
                    return;
                } catch (RuntimeException | Error listenerFailed) {
                    LOG.error("groupcommit:{}: {} failed ({}); trying again in {} ms", endpoint.queue(), what,
                            listenerFailed.toString(), delay.toMillis());
                    if (!pause(delay)) {
                        // stopping: only a process restart reloads memory from the stores
                        LOG.error("groupcommit:{}: stopped before {} succeeded; what the batch changed in memory may "
                                + "differ from what committed until the site restarts", endpoint.queue(), what);
                        endpoint.getBatchListener().abandoned();
                        return;
                    }
                    delay = longer(delay);
                }
            }
        }

        private Session session() throws JMSException {
            if (session == null) {
                connection = connectionFactory.createConnection();
                session = connection.createSession(true, Session.SESSION_TRANSACTED);
                consumer = session.createConsumer(session.createQueue(endpoint.queue()));
                connection.start();
            }
            return session;
        }

        private void closeSession() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (JMSException | RuntimeException ignored) {
                // broken already
            }
            connection = null;
            session = null;
            consumer = null;
        }

        /** Back-off before a new session or attempt; a stop cuts it short. */
        private boolean pause(Duration delay) {
            try {
                synchronized (stopping) {
                    if (running) {
                        stopping.wait(delay.toMillis());
                    }
                }
                return running;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** How a batch's transaction ended, as far as this consumer can tell. */
    private enum Ending {
        COMMITTED, ROLLED_BACK, UNKNOWN
    }

    private static boolean failed(Exchange exchange) {
        return exchange.isFailed() || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast();
    }

    private static boolean endsBatch(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, Boolean.class));
    }

    private static Duration longer(Duration delay) {
        return delay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay.multipliedBy(2);
    }
}
