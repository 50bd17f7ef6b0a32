package io.sluice.testsupport;

import java.time.Duration;
import java.util.Map;

import io.sluice.ring.Direction;
import io.sluice.ring.RingStore;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Artemis broker in this JVM (in-VM acceptor only, no persistence, no security) for route
 * tests: the routes run against real JMS transactions, and the test stands in for the broker's
 * validated-user stamp by setting {@code JMSXUserID} itself.
 */
public final class InVmBroker implements AutoCloseable {

    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
    private final java.util.List<QueueConfiguration> lastValueQueues = new java.util.ArrayList<>();
    private final java.util.List<ActiveMQServerBasePlugin> plugins = new java.util.ArrayList<>();
    private Connection connection;

    /** Before {@link #start}: a broker plugin, as a site registers its own. */
    public InVmBroker withPlugin(ActiveMQServerBasePlugin plugin) {
        plugins.add(plugin);
        return this;
    }

    /** Before {@link #start}: a durable last-value queue keyed by the given property. */
    public InVmBroker withLastValueQueue(String queue, String key) {
        lastValueQueues.add(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setLastValueKey(key));
        return this;
    }

    /** Before {@link #start}: the last-value queues of a ring's store, its shards (ADR 0032). */
    public InVmBroker withRingStore(Direction direction, String carrier) {
        for (String shard : RingStore.shardsOf(RingStore.storeOf(direction, carrier))) {
            withLastValueQueue(shard, RingStore.KEY);
        }
        return this;
    }

    /** Before {@link #start}: a durable ring queue, which drops its oldest message beyond {@code size}. */
    public InVmBroker withRingQueue(String queue, long size) {
        lastValueQueues.add(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setRingSize(size));
        return this;
    }

    public InVmBroker start(String... queues) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        configuration.addAddressSetting("#", new AddressSettings()
                .setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST).setDefaultQueueRoutingType(RoutingType.ANYCAST)
                // as broker-config/core/broker.xml's default (and no AMQ222165 "No Dead Letter Address" WARN for
                // every queue a test deploys: 5,600 lines per run)
                .setDeadLetterAddress(SimpleString.of("sluice.dead"))
                .setExpiryAddress(SimpleString.of("sluice.expired")));
        configuration.setMessageExpiryScanPeriod(100); // expiry seen within a test's patience
        plugins.forEach(configuration::registerBrokerPlugin);
        for (String queue : queues) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        lastValueQueues.forEach(configuration::addQueueConfiguration);
        embedded.setConfiguration(configuration).start();
        connection = factory.createConnection();
        connection.start();
        return this;
    }

    /** Messages ever added to the queue (a last-value queue keeps fewer). */
    public long messagesAdded(String queue) {
        return embedded.getActiveMQServer().locateQueue(queue).getMessagesAdded();
    }

    public org.apache.activemq.artemis.core.server.ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    public ActiveMQConnectionFactory connectionFactory() {
        return factory;
    }

    public void send(String queue, String validatedUser, Map<String, String> properties, String text) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty("JMSXUserID", validatedUser);
            for (var property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }

    /** Sends a text message with properties of any JMS type (numbers stay numbers). */
    public void sendTyped(String queue, Map<String, Object> properties, String text) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(text);
            for (var property : properties.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }

    /** The next message on a queue, or null if none arrives in time. */
    public Message receive(String queue, Duration timeout) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return consumer.receive(timeout.toMillis());
        }
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        factory.close();
        embedded.stop();
    }
}
