package io.sluice.broker;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.BaseInterceptor;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.server.RemotingService;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Artemis broker of one site (core or edge), started from its {@code broker.xml}
 * plus the durable queues the site's settings call for (one per user, one per carrier).
 */
public final class SiteBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteBroker.class);

    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
    private BrokerConnectionWatchdog watchdog;

    public SiteBroker(Configuration configuration, ActiveMQSecurityManager securityManager, List<QueueConfiguration> queues) {
        for (QueueConfiguration queue : queues) {
            if (configuration.getQueueConfigs().stream().noneMatch(q -> q.getName().equals(queue.getName()))) {
                configuration.addQueueConfiguration(queue);
            }
        }
        embedded.setConfiguration(configuration);
        embedded.setSecurityManager(securityManager);
    }

    /** A durable anycast queue on the address of the same name. */
    public static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    /** A durable queue keeping only the newest message per value of {@code key} (a ring's store). */
    public static QueueConfiguration lastValueQueue(String name, String key) {
        return durableQueue(name).setLastValueKey(key);
    }

    /** Creates this durable queue (and its address) on the running broker, unless it exists. */
    public void ensureQueue(QueueConfiguration queue) throws Exception {
        server().createQueue(queue.setAutoCreateAddress(true), true);
    }

    /** Adds an interceptor of incoming packets or frames; call before {@link #start}, so no connection misses it. */
    public void addIncomingInterceptor(BaseInterceptor<?> interceptor) throws Exception {
        embedded.createActiveMQServer();
        server().getServiceRegistry().addIncomingInterceptor(interceptor);
    }

    public SiteBroker start() throws Exception {
        embedded.start();
        LOG.info("Broker {} started, journal in {}", server().getConfiguration().getName(),
                server().getConfiguration().getJournalLocation());
        if (!server().getConfiguration().getAMQPConnection().isEmpty()) {
            watchdog = BrokerConnectionWatchdog.forConfiguredConnections(server());
            watchdog.start();
        }
        return this;
    }

    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    /**
     * Whether the broker found its disk beyond {@code max-disk-usage} or {@code min-disk-free} at its last
     * scan: producers are then blocked, STOMP senders refused (ADR 0018).
     */
    public boolean diskFull() {
        ActiveMQServer server = server();
        return server != null && server.getPagingManager() != null && server.getPagingManager().isDiskFull();
    }

    /**
     * Ends every connection authenticated as this principal, and forgets cached authentications so that
     * reconnecting asks the security manager again (Artemis otherwise trusts a cached success for
     * {@code security-invalidation-interval}). Connections are matched by the subject the broker keeps
     * per connection, which STOMP connections have from CONNECT on, before they open any session.
     *
     * @return how many connections were closed
     */
    public int disconnect(Predicate<SitePrincipal> whom, String reason) {
        server().getActiveMQServerControl().clearAuthenticationCache();
        server().getActiveMQServerControl().clearAuthorizationCache();
        RemotingService remoting = server().getRemotingService();
        int closed = 0;
        for (RemotingConnection connection : remoting.getConnections()) {
            Optional<SitePrincipal> principal = SluiceSecurityManager.principalOf(connection.getSubject());
            if (principal.isPresent() && whom.test(principal.get())) {
                remoting.removeConnection(connection.getID());
                connection.fail(new ActiveMQSecurityException(reason));
                closed++;
            }
        }
        LOG.info("Closed {} connection(s): {}", closed, reason);
        return closed;
    }

    @Override
    public void close() throws Exception {
        if (watchdog != null) {
            watchdog.stop();
        }
        embedded.stop();
    }
}
