package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import io.sluice.broker.BrokerXml;
import io.sluice.broker.SiteBroker;
import io.sluice.broker.SluiceSecurityManager;
import io.sluice.broker.SystemCredentials;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The core broker as configured by broker-config/core/broker.xml, with Sluice's security manager and
 * carrier guard: who may send and read where, and how what they send is kept.
 */
class CoreBrokerSecurityTest {

    private static final SystemCredentials SYSTEM = new SystemCredentials();
    private static SiteBroker broker;

    @TempDir
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "sluice.site-data-dir", data.toString(),
                "sluice.broker.cluster-password", "not-used",
                "sluice.core.bind-host", "127.0.0.1",
                "sluice.core.stomp-port", "0",
                "sluice.core.edge-port", "0",
                "sluice.core.max-stomp-connections", "10")));
        var configuration = BrokerXml.load(new FileSystemResource("broker-config/core/broker.xml"), environment);
        configuration.registerBrokerPlugin(new EdgeCarrierGuard());
        configuration.registerBrokerPlugin(new DurableOutbox());
        CoreProperties core = new CoreProperties("127.0.0.1", 1, 1, 10, "localhost", "7777",
                Map.of("alice", new CoreProperties.User("alice-pw", null), "bob", new CoreProperties.User("bob-pw", null)),
                Map.of("alpha", new CoreProperties.Carrier("alpha-pw", List.of("+"), 255)));
        var security = new SluiceSecurityManager(new CoreAuthenticator(SYSTEM, core), new CoreAccessPolicy());
        broker = new SiteBroker(configuration, security, List.of(SiteBroker.durableQueue("sluice.inbox.alice"),
                SiteBroker.durableQueue("sluice.inbox.bob"), SiteBroker.durableQueue("sluice.mt.alpha"),
                SiteBroker.durableQueue("sluice.link.mt.alpha"), SiteBroker.durableQueue("sluice.link.report.alpha"))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        assertThatThrownBy(() -> connect(null, null).close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect("alice", "bob-pw").close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect("edge-alpha", "alice-pw").close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aUserSendsOnlyToTheOutboxAndReadsOnlyTheirOwnInbox() throws Exception {
        try (Connection alice = connect("alice", "alice-pw")) {
            Session session = alice.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "sluice.outbox", Map.of("to", "bob"));
            assertThatThrownBy(() -> send(session, "sluice.inbox.bob", Map.of())).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> send(session, "sluice.mt.alpha", Map.of())).isInstanceOf(JMSSecurityException.class);
            session.createConsumer(session.createQueue("sluice.inbox.alice")).close();
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("sluice.inbox.bob")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void anEdgeSpeaksOnlyForItsOwnCarrier() throws Exception {
        try (Connection edge = connect("edge-alpha", "alpha-pw")) {
            Session session = edge.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "sluice.link.mo", Map.of("carrier", "alpha"));
            send(session, "sluice.link.report", Map.of("carrier", "alpha"));
            send(session, "sluice.events", Map.of("carrier", "alpha"));
            assertThatThrownBy(() -> send(session, "sluice.link.mo", Map.of("carrier", "beta")))
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("only for carrier 'alpha'");
            assertThatThrownBy(() -> send(session, "sluice.link.report", Map.of()))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> send(session, "sluice.outbox", Map.of("carrier", "alpha")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> send(session, "sluice.mt.alpha", Map.of("carrier", "alpha")))
                    .isInstanceOf(JMSSecurityException.class);
            session.createConsumer(session.createQueue("sluice.link.mt.alpha")).close();
            session.createConsumer(session.createQueue("sluice.link.report.alpha")).close();
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("sluice.mt.alpha")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("sluice.inbox.alice")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void theBrokerStampsTheAuthenticatedLoginOverAForgedOne() throws Exception {
        try (Connection bob = connect("bob", "bob-pw");
             Connection system = connectAsSystem()) {
            Session session = bob.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage forged = session.createTextMessage("hi");
            forged.setStringProperty("JMSXUserID", "alice");
            session.createProducer(session.createQueue("sluice.outbox")).send(forged);

            Session reader = system.createSession(false, Session.AUTO_ACKNOWLEDGE);
            system.start();
            var received = reader.createConsumer(reader.createQueue("sluice.outbox")).receive(10_000);
            assertThat(received).isNotNull();
            assertThat(received.getStringProperty("JMSXUserID")).isEqualTo("bob");
        }
    }

    @Test
    void aChatMessageSentWithoutPersistenceIsStoredDurablyAllTheSame() throws Exception {
        try (Connection bob = connect("bob", "bob-pw");
             Connection system = connectAsSystem()) {
            Session session = bob.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue("sluice.outbox"));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.send(session.createTextMessage("keep me"));

            Session reader = system.createSession(false, Session.AUTO_ACKNOWLEDGE);
            system.start();
            var received = reader.createConsumer(reader.createQueue("sluice.outbox")).receive(10_000);
            assertThat(received).isNotNull();
            assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        }
    }

    private static Connection connect(String login, String password) throws JMSException {
        return new ActiveMQConnectionFactory("vm://0").createConnection(login, password);
    }

    private static Connection connectAsSystem() throws JMSException {
        return connect(SYSTEM.login(), SYSTEM.password());
    }

    private static void send(Session session, String queue, Map<String, String> properties) throws JMSException {
        TextMessage message = session.createTextMessage("x");
        for (var property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        session.createProducer(session.createQueue(queue)).send(message);
    }
}
