package io.sluice.broker;

import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
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

    public SiteBroker start() throws Exception {
        embedded.start();
        LOG.info("Broker {} started, journal in {}", server().getConfiguration().getName(),
                server().getConfiguration().getJournalLocation());
        return this;
    }

    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        embedded.stop();
    }
}
