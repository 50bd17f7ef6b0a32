package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import io.sluice.link.LinkMonitor;
import io.sluice.testsupport.LinkBrokers;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * An "edge" broker dialling a "core" broker over AMQP, as broker-config/edge/broker.xml does: the
 * indicator follows the broker connection as the core comes and goes.
 */
class CoreLinkHealthIndicatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void upWhileTheBrokerConnectionToTheCoreHoldsDownWithout() throws Exception {
        int corePort = freePort();
        EmbeddedActiveMQ edge = new EmbeddedActiveMQ().setConfiguration(LinkBrokers.edgeDialling(21, corePort)).start();
        LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
        CoreLinkHealthIndicator health = new CoreLinkHealthIndicator(edge.getActiveMQServer(), monitor.state("alpha"));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("heartbeats", "silent");

            EmbeddedActiveMQ core = broker("core", "tcp://127.0.0.1:" + corePort + "?protocols=AMQP").start();
            try {
                await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));
            } finally {
                core.stop();
            }
            await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.DOWN));
        } finally {
            edge.stop();
        }
    }

    private static EmbeddedActiveMQ broker(String name, String acceptor) throws Exception {
        return new EmbeddedActiveMQ().setConfiguration(LinkBrokers.plain(name, acceptor));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
