package io.sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.core.server.BrokerConnection;
import org.apache.activemq.artemis.protocol.amqp.connect.AMQPBrokerConnection;
import io.sluice.testsupport.LinkBrokers;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;

/**
 * An edge broker dials the core through something that accepts TCP and then hangs up — a proxy, a
 * load balancer or the WAN simulator whose own target is not up yet. Artemis 2.44 notices such a
 * close only through a handler it adds after the TCP connect; a close that comes first leaves the
 * broker connection dead and never re-dialled. The watchdog re-starts it.
 */
class BrokerConnectionWatchdogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aBrokerConnectionClosedDuringItsHandshakeIsDialledAgain() throws Exception {
        try (HangUpThenForward proxy = new HangUpThenForward()) {
            EmbeddedActiveMQ edge = new EmbeddedActiveMQ().setConfiguration(LinkBrokers.edgeDialling(31, proxy.port())).start();
            BrokerConnectionWatchdog watchdog = new BrokerConnectionWatchdog(edge.getActiveMQServer(),
                    Duration.ofMillis(100), Duration.ofSeconds(2));
            EmbeddedActiveMQ core = null;
            try {
                await().atMost(WAIT).until(() -> proxy.hungUp() >= 1);
                core = new EmbeddedActiveMQ().setConfiguration(LinkBrokers.plain("core",
                        "tcp://127.0.0.1:" + proxy.targetPort() + "?protocols=AMQP")).start();
                proxy.startForwarding();
                watchdog.start();
                BrokerConnection connection = edge.getActiveMQServer().getBrokerConnections().iterator().next();
                await().atMost(WAIT).until(connection::isConnected);
                assertThat(proxy.forwarded()).isPositive();
                // Not asserted: that the watchdog restarted it. Whether Artemis notices the hang-up is a race inside
                // Artemis; when it does, it dials again by itself, and either way the connection must come up.
            } finally {
                watchdog.stop();
                edge.stop();
                if (core != null) {
                    core.stop();
                }
            }
        }
    }

    /**
     * Nothing listens where the edge dials (the core is down, or a black hole's connect fails): Artemis keeps
     * re-dialling by itself, and the watchdog must not restart it however long that lasts. A restart would put
     * a second attempt in flight beside Artemis' own, and a late failure of either tears down whichever
     * connection is current, often the one that just came up (ADR 0031).
     */
    @Test
    void aConnectionArtemisIsStillDiallingIsLeftToArtemis() throws Exception {
        int corePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            corePort = probe.getLocalPort();
        }
        EmbeddedActiveMQ edge = new EmbeddedActiveMQ().setConfiguration(LinkBrokers.edgeDialling(32, corePort)).start();
        EmbeddedActiveMQ core = null;
        try {
            AMQPBrokerConnection connection =
                    (AMQPBrokerConnection) edge.getActiveMQServer().getBrokerConnections().iterator().next();
            await().atMost(WAIT).until(connection::isConnecting);
            BrokerConnectionWatchdog watchdog = new BrokerConnectionWatchdog(edge.getActiveMQServer(),
                    Duration.ofMillis(100), Duration.ofSeconds(2));
            long now = System.nanoTime();
            for (int second = 0; second <= 10; second++) {
                watchdog.check(now + Duration.ofSeconds(second).toNanos());
            }
            assertThat(watchdog.restartsSoFar()).as("restarts of a connection Artemis is dialling").isZero();
            assertThat(connection.isConnected()).isFalse();

            core = new EmbeddedActiveMQ().setConfiguration(LinkBrokers.plain("core",
                    "tcp://127.0.0.1:" + corePort + "?protocols=AMQP")).start();
            await().atMost(WAIT).until(connection::isConnected);
        } finally {
            edge.stop();
            if (core != null) {
                core.stop();
            }
        }
    }

    /** Accepts and hangs up at once, until told to forward to the target port; then a plain TCP relay. */
    private static final class HangUpThenForward implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int targetPort;
        private final AtomicInteger hungUp = new AtomicInteger();
        private final AtomicInteger forwarded = new AtomicInteger();
        private volatile boolean forwarding;
        private final Thread acceptor;

        HangUpThenForward() throws IOException {
            try (ServerSocket probe = new ServerSocket(0)) {
                targetPort = probe.getLocalPort();
            }
            acceptor = new Thread(this::acceptLoop, "hang-up-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int targetPort() {
            return targetPort;
        }

        int hungUp() {
            return hungUp.get();
        }

        int forwarded() {
            return forwarded.get();
        }

        void startForwarding() {
            forwarding = true;
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (!forwarding) {
                        client.close();
                        hungUp.incrementAndGet();
                        continue;
                    }
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    forwarded.incrementAndGet();
                    pump(client, target);
                    pump(target, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                try (from; to) {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException ignored) {
                    // either side closed: the relay ends with it
                }
            }, "hang-up-proxy-pump");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
