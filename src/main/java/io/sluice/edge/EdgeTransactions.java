package io.sluice.edge;

import jakarta.jms.ConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/** The local JMS transactions of the edge routes that do not start from a JMS consumer. */
public final class EdgeTransactions {

    private EdgeTransactions() {
    }

    /**
     * A JMS transaction manager with transaction synchronisation switched on. Spring's default for JMS
     * is "never"; {@link MoAssembly} needs to hear about the commit or rollback so that its memory
     * follows what the store committed (ADR 0007).
     */
    public static JmsTransactionManager manager(ConnectionFactory connectionFactory) {
        JmsTransactionManager manager = new JmsTransactionManager(connectionFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return manager;
    }
}
