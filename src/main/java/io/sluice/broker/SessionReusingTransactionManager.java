package io.sluice.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Local JMS transactions for routes that do not start from a JMS consumer (the edge's deliver_sm
 * handling), on a connection and sessions that outlive the transaction.
 *
 * <p>Spring's {@link JmsTransactionManager} on a plain factory opens a connection and a session for
 * every transaction and closes both at its end: measured at 5.2–5.4 ms per transaction on the in-VM
 * broker, against 0.5–0.7 ms on a session kept open (ADR 0021). Each deliver_sm waits for its
 * transaction before {@code deliver_sm_resp}, so that cost was most of the MO turnaround.
 *
 * <p>The sessions come from a cache private to this manager, but the transaction is still bound under
 * the site's route factory: every {@code JmsTemplate} on that factory (the ring store, the MO part
 * store, Camel's {@code jms:} producer) finds it and joins it, exactly as before. Only transactions of
 * this manager use the cached sessions, and only one at a time each; no listener's session is ever
 * shared (see {@link InVmConnectionFactory} for why that matters). Consumers are not cached: the part
 * store receives with a selector per message, and a cached consumer would outlive its purpose.
 */
public final class SessionReusingTransactionManager extends JmsTransactionManager implements DisposableBean {

    /** Sessions kept for concurrent transactions: the SMSC's reader thread and the timer routes. */
    private static final int SESSIONS_KEPT = 4;

    private final CachingConnectionFactory sessions;

    /** @param routeFactory the factory the routes' templates write on; the transaction is bound under it */
    public SessionReusingTransactionManager(ConnectionFactory routeFactory) {
        super(routeFactory);
        // MoAssembly follows commits and rollbacks through transaction synchronisation (ADR 0007);
        // Spring's default for JMS is "never".
        setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        this.sessions = new CachingConnectionFactory(routeFactory);
        sessions.setSessionCacheSize(SESSIONS_KEPT);
        sessions.setCacheConsumers(false);
        sessions.setCacheProducers(true);
        // a connection the broker closed is replaced for the next transaction
        sessions.setReconnectOnException(true);
    }

    /** The shared connection; its {@code close()} at the end of a transaction leaves it open. */
    @Override
    protected Connection createConnection() throws JMSException {
        return sessions.createConnection();
    }

    /**
     * A cached transacted session; its {@code close()} after commit or rollback returns it to the
     * cache, rolling back first if anything were left open.
     */
    @Override
    protected Session createSession(Connection connection) throws JMSException {
        return connection.createSession(true, Session.SESSION_TRANSACTED);
    }

    /** Closes the connection and every kept session. */
    @Override
    public void destroy() {
        sessions.destroy();
    }
}
