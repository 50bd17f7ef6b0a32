package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;

import io.sluice.testsupport.LinkBrokers;
import io.sluice.wan.WanProperties;
import io.sluice.wan.WanSimulator;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectionAddressType;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectionElement;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * ADR 0027: a link connection that goes silent (a black hole: sockets open, nothing gets through) is
 * dropped by both ends once the idle timeout has passed, instead of Artemis' 60 s, and the edge's next
 * one carries the messages once the path is back. A core and an edge broker, dialling through the WAN
 * simulator as the edge dials the core.
 */
class LinkIdleTimeoutTest {

    /** Short, so the test is; the sites default to 10 s (sluice.link.connection-idle-timeout). */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** Well under Artemis' own 60 s: a link that is not given the idle timeout fails here. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "sluice.link.mt.alpha";

    @Test
    void aBlackHoledLinkConnectionIsDroppedAtBothEndsAndTheNextOneCarriesTheMessages() throws Exception {
        int corePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            corePort = probe.getLocalPort();
        }
        ConfigurationImpl coreConfiguration = withQueue(LinkBrokers.plain("edges",
                "tcp://127.0.0.1:" + corePort + "?protocols=AMQP"));
        coreConfiguration.addAcceptorConfiguration("in-vm", "vm://52");
        LinkIdleTimeout.onAcceptor(coreConfiguration, "edges", IDLE_TIMEOUT);
        EmbeddedActiveMQ core = new EmbeddedActiveMQ().setConfiguration(coreConfiguration).start();
        EmbeddedActiveMQ edge = null;
        try (WanSimulator wan = new WanSimulator(WanProperties.forTarget("127.0.0.1", corePort))) {
            wan.start();
            ConfigurationImpl edgeConfiguration = withQueue(LinkBrokers.edgeDialling(51, wan.port()));
            AMQPBrokerConnectionElement pullMt = new AMQPBrokerConnectionElement();
            pullMt.setType(AMQPBrokerConnectionAddressType.RECEIVER);
            pullMt.setQueueName(QUEUE);
            edgeConfiguration.getAMQPConnection().get(0).addElement(pullMt);
            LinkIdleTimeout.onBrokerConnections(edgeConfiguration, IDLE_TIMEOUT);
            edge = new EmbeddedActiveMQ().setConfiguration(edgeConfiguration).start();
            ActiveMQServer coreServer = core.getActiveMQServer();
            await().atMost(WAIT).until(() -> coreServer.locateQueue(QUEUE).getConsumerCount() == 1);

            wan.blackHole(true);
            long dialledBefore = wan.status().connectionsAccepted();

            await("the core drops the silent connection, and the edge's pull with it").atMost(WAIT)
                    .until(() -> coreServer.locateQueue(QUEUE).getConsumerCount() == 0);
            await("the edge drops its side and dials again").atMost(WAIT)
                    .until(() -> wan.status().connectionsAccepted() > dialledBefore);

            wan.blackHole(false);
            send("vm://52", "after the black hole");
            EmbeddedActiveMQ edgeBroker = edge;
            await("the new connection carries the message").atMost(WAIT)
                    .until(() -> edgeBroker.getActiveMQServer().locateQueue(QUEUE).getMessageCount() == 1);
            assertThat(coreServer.locateQueue(QUEUE).getMessageCount()).isZero();
        } finally {
            if (edge != null) {
                edge.stop();
            }
            core.stop();
        }
    }

    private static ConfigurationImpl withQueue(ConfigurationImpl configuration) {
        configuration.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        return configuration;
    }

    private static void send(String url, String text) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(QUEUE)).send(session.createTextMessage(text));
        }
    }
}
