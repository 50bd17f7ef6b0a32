package io.sluice.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test client against a real Artemis STOMP acceptor, over both transports. The broker is embedded
 * in the test JVM with a throw-away configuration, so this needs nothing started by hand.
 */
class StompClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Long enough for a message in flight to arrive, to check that none does. */
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String PASSWORD = "secret";

    private static EmbeddedActiveMQ broker;
    private static int port;

    enum Transport {
        TCP {
            @Override
            StompClient open() throws IOException {
                return StompClient.tcp("127.0.0.1", port);
            }
        },
        WEBSOCKET {
            @Override
            StompClient open() throws IOException {
                return StompClient.webSocket(URI.create("ws://127.0.0.1:" + port));
            }
        };

        abstract StompClient open() throws IOException;
    }

    @BeforeAll
    static void startBroker() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setJMXManagementEnabled(false)
                .setSecurityEnabled(true)
                .addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
                        + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/;webSocketEncoderType=text")
                .putSecurityRoles("#", Set.of(role(true)))
                .putSecurityRoles("forbidden.#", Set.of(role(false)));
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(new AnyUserWithPassword());
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sendAndReceiveKeepHeadersAndBody(Transport transport) throws Exception {
        String queue = "/queue/test." + UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("to", "+447700900123");
        headers.put("sent-at", "2026-11-26T20:11:41Z");
        headers.put("content-type", "text/plain;charset=utf-8");

        try (StompClient client = transport.open()) {
            assertThat(client.connect("alice", PASSWORD).header("version")).isEqualTo("1.2");
            String subscription = client.subscribe(queue, StompClient.AckMode.AUTO);
            StompFrame receipt = client.sendWithReceipt(queue, headers, "héllo 👋", WAIT);

            StompFrame message = client.nextMessage(WAIT).orElseThrow();
            assertThat(receipt.command()).isEqualTo("RECEIPT");
            assertThat(message.header("subscription")).isEqualTo(subscription);
            assertThat(message.headers()).containsAllEntriesOf(headers);
            assertThat(message.body()).isEqualTo("héllo 👋");
            client.disconnect();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refusedLoginThrowsTheErrorFrame(Transport transport) throws Exception {
        try (StompClient client = transport.open()) {
            assertThatThrownBy(() -> client.connect("alice", "wrong"))
                    .isInstanceOfSatisfying(StompErrorException.class, e ->
                            assertThat(e.errorFrame().header("message")).isNotBlank())
                    .hasMessageStartingWith("STOMP ERROR: ");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void errorForAReceiptedSendReachesTheSender(Transport transport) throws Exception {
        try (StompClient client = transport.open()) {
            client.connect("alice", PASSWORD);

            assertThatThrownBy(() -> client.sendWithReceipt("/queue/forbidden.x", Map.of(), "no", WAIT))
                    .isInstanceOf(StompErrorException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void unacknowledgedMessageIsRedeliveredAndAckedOneIsNot(Transport transport) throws Exception {
        String queue = "/queue/test." + UUID.randomUUID();
        try (StompClient first = transport.open()) {
            first.connect("bob", PASSWORD);
            first.subscribe(queue, StompClient.AckMode.CLIENT_INDIVIDUAL);
            first.sendWithReceipt(queue, Map.of(), "once", WAIT);
            assertThat(first.nextMessage(WAIT)).isPresent();
        }
        try (StompClient second = transport.open()) {
            second.connect("bob", PASSWORD);
            second.subscribe(queue, StompClient.AckMode.CLIENT_INDIVIDUAL);
            StompFrame again = second.nextMessage(WAIT).orElseThrow();
            assertThat(again.body()).isEqualTo("once");
            second.ack(again);
            second.disconnect();
        }
        try (StompClient third = transport.open()) {
            third.connect("bob", PASSWORD);
            third.subscribe(queue, StompClient.AckMode.AUTO);
            assertThat(third.nextMessage(QUIET)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void closedConnectionFailsWaitsAtOnce(Transport transport) throws Exception {
        StompClient client = transport.open();
        client.connect("carol", PASSWORD);
        client.disconnect();

        assertThatThrownBy(() -> client.nextFrame(WAIT)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Connection ended");
    }

    private static Role role(boolean send) {
        return new Role("user", send, true, true, true, true, true, true, true, true, true, true, true);
    }

    /** Every user whose password is {@value #PASSWORD}; permissions come from the roles of the address. */
    private static final class AnyUserWithPassword implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return PASSWORD.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password) && roles.stream().anyMatch(checkType::hasRole);
        }
    }
}
