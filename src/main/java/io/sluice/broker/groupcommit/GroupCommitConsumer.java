package io.sluice.broker.groupcommit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
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
 * in order, and the endpoint's {@link RollbackListener} puts back what the batch changed in memory.
 * The messages before the failed one then go in a batch of their own, and the failed one alone, so
 * that it holds up nothing else ({@link BatchSizes}).
 */
final class GroupCommitConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitConsumer.class);
    /** How soon an idle consumer notices that its route is stopping. */
    private static final long RECEIVE_TIMEOUT_MS = 250;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** How long stopping the route waits for the batch in hand to finish. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final GroupCommitEndpoint endpoint;
    private final BatchSizes sizes;
    private volatile boolean running;
    /** Wakes a worker pausing between sessions when the route stops. */
    private final Object stopping = new Object();
    private ExecutorService worker;
    private ConnectionFactory connectionFactory;
    private JmsBinding binding;
    // the worker thread's own, kept until a failure or the stop closes them
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;

    GroupCommitConsumer(GroupCommitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.sizes = new BatchSizes(endpoint.getMaxMessages());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connectionFactory = endpoint.connectionFactory();
        binding = endpoint.jmsEndpoint().getBinding();
        running = true;
        worker = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "GroupCommit[" + endpoint.queue() + "]");
        worker.execute(this::consumeUntilStopped);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        synchronized (stopping) {
            stopping.notifyAll();
        }
        if (worker != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(worker, STOP_TIMEOUT.toMillis());
            worker = null;
        }
        super.doStop();
    }

    private void consumeUntilStopped() {
        Duration delay = FIRST_RETRY;
        try {
            while (running) {
                try {
                    takeOneBatch();
                    delay = FIRST_RETRY;
                } catch (JMSException | RuntimeException broken) {
                    closeSession();
                    if (!running) {
                        return;
                    }
                    LOG.warn("groupcommit:{} lost its broker session ({}); trying again in {} ms", endpoint.queue(),
                            broken.toString(), delay.toMillis());
                    if (!pause(delay)) {
                        return;
                    }
                    delay = delay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay.multipliedBy(2);
                }
            }
        } finally {
            closeSession();
        }
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
        boolean committed = false;
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
                transacted.commit();
                committed = true;
                sizes.committed();
            }
        } finally {
            TransactionSynchronizationManager.unbindResource(connectionFactory);
            if (!committed) {
                rollBack(transacted, batch, failedAt);
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

    private static boolean failed(Exchange exchange) {
        return exchange.isFailed() || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast();
    }

    private static boolean endsBatch(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, Boolean.class));
    }

    /**
     * @param failedAt the position of the exchange that failed, or 0 when the commit (or a receive) did:
     *                 then the exception on its way up says why, and the session is replaced
     */
    private void rollBack(Session transacted, List<Exchange> batch, int failedAt) {
        try {
            transacted.rollback();
        } catch (JMSException | RuntimeException brokenSession) {
            // closing the session (the caller does, when it broke) rolls back as well
            LOG.debug("groupcommit:{}: rollback failed ({}); the session is replaced", endpoint.queue(),
                    brokenSession.toString());
        }
        sizes.failedAt(failedAt);
        if (failedAt > 1) {
            Exchange failed = batch.get(failedAt - 1);
            LOG.warn("groupcommit:{}: a batch of {} rolled back because message {} failed ({}); the {} before it go "
                            + "again in a batch of their own, then it alone", endpoint.queue(), batch.size(), failedAt,
                    failed.getException() == null ? "marked rollback-only" : failed.getException().toString(),
                    failedAt - 1);
        }
        try {
            endpoint.getRollbackListener().rolledBack(List.copyOf(batch));
        } catch (RuntimeException listenerFailed) {
            LOG.error("groupcommit:{}: putting back what a rolled-back batch of {} changed failed", endpoint.queue(),
                    batch.size(), listenerFailed);
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

    /** Back-off before a new session; a stop cuts it short. */
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
