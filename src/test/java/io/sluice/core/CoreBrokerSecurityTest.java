package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import io.sluice.accounts.AccountEvent;
import io.sluice.accounts.Accounts;
import io.sluice.accounts.NewAccount;
import io.sluice.broker.BrokerXml;
import io.sluice.broker.SiteBroker;
import io.sluice.broker.SluiceSecurityManager;
import io.sluice.broker.SystemCredentials;
import io.sluice.credentials.LoginThrottle;
import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompErrorException;
import io.sluice.stomp.StompFrame;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The core broker as configured by broker-config/core/broker.xml, with Sluice's security manager backed
 * by the accounts store (H2) and the carrier guard: who may log in, send and read where, what happens
 * to a user disabled while connected, and how what they send is kept.
 */
class CoreBrokerSecurityTest {

    private static final SystemCredentials SYSTEM = new SystemCredentials();
    private static SiteBroker broker;
    private static Accounts accounts;
    private static BrokerAccounts brokerAccounts;

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
                "sluice.core.max-stomp-connections", "10",
                "sluice.core.max-stomp-frame-bytes", "65536")));
        var configuration = BrokerXml.load(new FileSystemResource("broker-config/core/broker.xml"), environment);
        configuration.registerBrokerPlugin(new EdgeCarrierGuard());
        configuration.registerBrokerPlugin(new DurableOutbox());
        CoreProperties core = new CoreProperties("127.0.0.1", 1, 1, 10, 65536, "localhost", "7777", Map.of(), false,
                "test-admin-token-0123456789", Map.of("alpha", new CoreProperties.Carrier("alpha-pw", List.of("+"), 255, 1024)));
        accounts = new Accounts(accountsDatabase(), new BCryptPasswordEncoder(4), CoreBrokerSecurityTest::toBroker,
                Clock.systemUTC());
        // as at the core's start: seeded before the broker, which then makes their inboxes
        accounts.seed(List.of(NewAccount.of("alice", "alice-pw"), NewAccount.of("bob", "bob-pw")));
        var security = new SluiceSecurityManager(new CoreAuthenticator(SYSTEM, core, accounts), new CoreAccessPolicy());
        broker = new SiteBroker(configuration, security, List.of(SiteBroker.durableQueue("sluice.inbox.alice"),
                SiteBroker.durableQueue("sluice.inbox.bob"), SiteBroker.durableQueue("sluice.mt.alpha"),
                SiteBroker.durableQueue("sluice.link.mt.alpha"), SiteBroker.durableQueue("sluice.link.report.alpha"))).start();
        brokerAccounts = new BrokerAccounts(broker);
    }

    /** The accounts store on an in-memory H2 database, migrated by the real scripts. */
    private static DataSource accountsDatabase() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:core-security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(h2).load().migrate();
        return h2;
    }

    /** As Spring delivers account events to the core's BrokerAccounts bean. */
    private static void toBroker(Object event) {
        try {
            if (event instanceof AccountEvent.Created created) {
                brokerAccounts.created(created);
            } else if (event instanceof AccountEvent.Disabled disabled) {
                brokerAccounts.disabled(disabled);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
    void overStompAUserReadsTheirOwnInboxButNotAnothers() throws Exception {
        try (StompClient alice = stomp()) {
            alice.connect("alice", "alice-pw");
            alice.subscribe("/queue/sluice.inbox.alice", StompClient.AckMode.AUTO);
        }
        try (StompClient alice = stomp()) {
            alice.connect("alice", "alice-pw");
            assertThatThrownBy(() -> alice.subscribe("/queue/sluice.inbox.bob", StompClient.AckMode.AUTO))
                    .isInstanceOf(StompErrorException.class).hasMessageContaining("AMQ339016");
        }
        try (StompClient mallory = stomp()) {
            assertThatThrownBy(() -> mallory.connect("alice", "bob-pw")).isInstanceOf(StompErrorException.class);
        }
    }

    @Test
    void anAccountCreatedWhileTheBrokerRunsHasItsInboxAndLogsIn() throws Exception {
        assertThatThrownBy(() -> connect("dave", "dave-pw").close()).as("no such account yet")
                .isInstanceOf(JMSSecurityException.class);

        accounts.create(NewAccount.of("dave", "dave-pw"));

        assertThat(broker.server().locateQueue(SimpleString.of("sluice.inbox.dave"))).isNotNull()
                .extracting(queue -> queue.isDurable()).isEqualTo(true);
        try (Connection dave = connect("dave", "dave-pw")) { // at once: the refusal above was not cached
            Session session = dave.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("sluice.inbox.dave")).close();
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("sluice.inbox.alice")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aUserDisabledWhileConnectedIsDisconnectedAndRefusedUntilEnabledAgain() throws Exception {
        accounts.create(NewAccount.of("carol", "carol-pw"));
        CountDownLatch jmsDropped = new CountDownLatch(1);
        try (Connection jms = connect("carol", "carol-pw"); StompClient stomp = stomp()) {
            jms.setExceptionListener(e -> jmsDropped.countDown());
            stomp.connect("carol", "carol-pw");       // connected, no session opened yet
            try (StompClient again = stomp()) {
                again.connect("carol", "carol-pw");   // a cached authentication must not outlive disabling
            }

            accounts.disable("carol");

            assertThat(jmsDropped.await(10, TimeUnit.SECONDS)).as("the JMS connection was closed").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> isClosed(stomp));
        }
        assertThatThrownBy(() -> connect("carol", "carol-pw").close()).isInstanceOf(JMSSecurityException.class);
        try (StompClient refused = stomp()) {
            assertThatThrownBy(() -> refused.connect("carol", "carol-pw")).isInstanceOf(StompErrorException.class);
        }

        accounts.enable("carol");
        connect("carol", "carol-pw").close();
    }

    @Test
    void fiveWrongPasswordsOverStompHoldThatLoginOffEvenWithTheRightOneAndNoOtherLogin() throws Exception {
        accounts.create(NewAccount.of("frank", "frank-pw"));
        for (int i = 1; i <= LoginThrottle.FAILURES_PER_LOGIN; i++) {
            String guess = "guess-" + i;
            try (StompClient guesser = stomp()) {
                assertThatThrownBy(() -> guesser.connect("frank", guess)).isInstanceOf(StompErrorException.class);
            }
        }

        try (StompClient frank = stomp()) {
            assertThatThrownBy(() -> frank.connect("frank", "frank-pw")).as("the right password, held off")
                    .isInstanceOf(StompErrorException.class);
        }
        try (StompClient bob = stomp()) {
            bob.connect("bob", "bob-pw"); // another login from the same address: behind a proxy, everybody's
        }
        connect("frank", "frank-pw").close(); // the same login from elsewhere (in-VM here)
    }

    @Test
    void guessesMadeFromAConnectionAlreadyLoggedInAsSomeoneElseCountToo() throws Exception {
        accounts.create(NewAccount.of("grace", "grace-pw"));
        for (int i = 1; i <= LoginThrottle.FAILURES_PER_LOGIN; i++) {
            try (StompClient mallory = stomp()) {
                mallory.connect("bob", "bob-pw");
                // Artemis takes a second CONNECT on an open connection, and a new transaction then logs in
                // with its credentials: a guess on a connection that already has a subject (bob's)
                mallory.sendFrame(StompFrame.of(StompFrame.CONNECT, "accept-version", "1.2", "host", "localhost",
                        "login", "grace", "passcode", "guess-" + i));
                mallory.sendFrame(StompFrame.of("BEGIN", "transaction", "tx"));
                assertThat(refusalOf(mallory)).as("guess %d refused", i).contains("AMQ339012");
            }
        }

        try (StompClient grace = stomp()) {
            assertThatThrownBy(() -> grace.connect("grace", "grace-pw")).as("the right password, held off")
                    .isInstanceOf(StompErrorException.class);
        }
    }

    /** What the core answered: an ERROR frame, or the end of the connection that followed one. */
    private static String refusalOf(StompClient client) {
        try {
            return client.nextFrame(Duration.ofSeconds(10)).map(frame -> frame.command() + " " + frame.headers())
                    .orElse("nothing");
        } catch (java.io.IOException ended) {
            return ended.getMessage();
        }
    }

    @Test
    void disablingOneUserLeavesTheOthersConnected() throws Exception {
        accounts.create(NewAccount.of("erin", "erin-pw"));
        try (StompClient bob = stomp()) {
            bob.connect("bob", "bob-pw");
            bob.subscribe("/queue/sluice.inbox.bob", StompClient.AckMode.AUTO);

            accounts.disable("erin");

            // the subscription still works: a receipted SUBSCRIBE round-trips on the same connection
            bob.subscribe("/queue/sluice.inbox.bob", StompClient.AckMode.AUTO);
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

    private static StompClient stomp() throws java.io.IOException {
        int port = ((NettyAcceptor) broker.server().getRemotingService().getAcceptor("stomp")).getActualPort();
        return StompClient.tcp("127.0.0.1", port);
    }

    /** Reads what is left (an ERROR frame, say) until the broker's close shows. */
    private static boolean isClosed(StompClient client) {
        try {
            client.nextFrame(Duration.ofMillis(200));
            return false;
        } catch (java.io.IOException closed) {
            return true;
        }
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
