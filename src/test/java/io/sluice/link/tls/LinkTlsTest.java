package io.sluice.link.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sluice.testsupport.LinkBrokers;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real brokers over real TLS: an edge with a certificate from the link CA reaches the core; one from
 * another CA, one that does not check the core's name against its certificate's, and one without a
 * certificate at all do not. The refused ones dial from before the good one starts until it is in,
 * re-dialling every 100 ms. Whether an edge got in is read at the core, which counts a connection
 * only after TLS let it through to AMQP (an edge's own view is only whether its TCP socket is open).
 */
class LinkTlsTest {

    private static final String PASSWORD = "test-store-pw";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void onlyAnEdgeWithACertificateFromTheLinkCaGetsIn() throws Exception {
        LinkPki pki = LinkPki.create(folder.resolve("link"), PASSWORD.toCharArray());
        pki.issueCore(List.of("localhost", "127.0.0.1"));
        pki.issueEdge("alpha");
        LinkPki stranger = LinkPki.create(folder.resolve("stranger"), PASSWORD.toCharArray());
        stranger.issueEdge("alpha");

        int port = freePort();
        EmbeddedActiveMQ core = start(coreOn(port, pki));
        EmbeddedActiveMQ rogue = start(edgeOf(stranger, pki, 41, port)); // trusts the core, but the core does not trust it
        EmbeddedActiveMQ bare = start(LinkBrokers.edgeDialling(42, port)); // no TLS at all
        try {
            EmbeddedActiveMQ good = start(edgeOf(pki, pki, 43, port));
            try {
                await().atMost(WAIT).until(() -> connected(good) && amqpConnections(core.getActiveMQServer()) >= 1);
                // the core counts a connection only once TLS let it through to AMQP: the good edge's, only
                assertThat(amqpConnections(core.getActiveMQServer())).as("connections the core let in").isEqualTo(1);
            } finally {
                good.stop();
            }
        } finally {
            bare.stop();
            rogue.stop();
            core.stop();
        }
    }

    @Test
    void anEdgeRefusesACoreWhoseCertificateIsForAnotherName() throws Exception {
        LinkPki pki = LinkPki.create(folder.resolve("link"), PASSWORD.toCharArray());
        pki.issueCore(List.of("core.example.net")); // the edge dials 127.0.0.1
        pki.issueEdge("alpha");
        LinkPki other = LinkPki.create(folder.resolve("named"), PASSWORD.toCharArray());
        other.issueCore(List.of("127.0.0.1"));
        other.issueEdge("alpha");

        int misnamedPort = freePort();
        int rightPort = freePort();
        EmbeddedActiveMQ misnamed = start(coreOn(misnamedPort, pki));
        EmbeddedActiveMQ right = start(coreOn(rightPort, other));
        EmbeddedActiveMQ edge = start(edgeOf(pki, pki, 44, misnamedPort));
        EmbeddedActiveMQ control = start(edgeOf(other, other, 45, rightPort));
        try {
            await().atMost(WAIT).until(() -> amqpConnections(right.getActiveMQServer()) == 1);
            assertThat(amqpConnections(misnamed.getActiveMQServer()))
                    .as("connections from an edge dialling a core whose certificate names another host").isZero();
        } finally {
            control.stop();
            edge.stop();
            right.stop();
            misnamed.stop();
        }
    }

    @Test
    void aSiteWithTlsOnAndNoStoresRefusesToStartNamingWhatIsMissing() {
        LinkTlsProperties incomplete = new LinkTlsProperties(true, "core.p12", null, null, null);
        assertThatThrownBy(() -> LinkTls.secureAcceptor(new ConfigurationImpl(), "edges", incomplete))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sluice.link.tls.key-store-password")
                .hasMessageContaining("sluice.link.tls.trust-store")
                .hasMessageContaining("--sluice.role=pki");
    }

    private static ConfigurationImpl coreOn(int port, LinkPki pki) throws Exception {
        ConfigurationImpl core = LinkBrokers.plain("core", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        LinkTls.secureAcceptor(core, "core", stores(pki, "core.p12"));
        return core;
    }

    /** An edge presenting a certificate of {@code own}, trusting the CA of {@code trusted}. */
    private static ConfigurationImpl edgeOf(LinkPki own, LinkPki trusted, int vmId, int port) throws Exception {
        ConfigurationImpl edge = LinkBrokers.edgeDialling(vmId, port);
        edge.setName("edge-" + vmId);
        LinkTls.secureBrokerConnections(edge, new LinkTlsProperties(true,
                own.folder().resolve(LinkPki.edgeStore("alpha")).toString(), PASSWORD,
                trusted.folder().resolve(LinkPki.TRUST_STORE).toString(), PASSWORD));
        return edge;
    }

    private static LinkTlsProperties stores(LinkPki pki, String keyStore) {
        return new LinkTlsProperties(true, pki.folder().resolve(keyStore).toString(), PASSWORD,
                pki.folder().resolve(LinkPki.TRUST_STORE).toString(), PASSWORD);
    }

    private static EmbeddedActiveMQ start(ConfigurationImpl configuration) throws Exception {
        return new EmbeddedActiveMQ().setConfiguration(configuration).start();
    }

    private static boolean connected(EmbeddedActiveMQ edge) {
        return edge.getActiveMQServer().getBrokerConnections().iterator().next().isConnected();
    }

    private static long amqpConnections(ActiveMQServer core) {
        return core.getRemotingService().getConnections().stream()
                .filter(connection -> "AMQP".equals(connection.getProtocolName())).count();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
