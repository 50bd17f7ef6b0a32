package io.sluice.standby;

import java.util.List;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectConfiguration;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPMirrorBrokerConnectionElement;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;

/**
 * What a primary/standby pair changes in the core's broker (ADR 0014): the primary's mirror broker
 * connection, and the standby's acceptors — the mirror's open, the clients' and edges' held back until
 * it takes over.
 */
public final class StandbyBroker {

    /** The primary's broker connection to its standby. */
    public static final String MIRROR_CONNECTION = "standby";
    /** The standby's acceptor for that connection. */
    public static final String MIRROR_ACCEPTOR = "mirror";
    /** Acceptors of broker.xml that serve clients and edges: closed while the standby is passive. */
    public static final List<String> SERVING_ACCEPTORS = List.of("stomp", "edges");
    private static final int MIRROR_RETRY_INTERVAL_MS = 1000;

    private StandbyBroker() {
    }

    /**
     * Primary: mirrors every send, acknowledgement and queue change to the standby. With {@code sync}
     * a client's send or acknowledgement completes only once the standby has it.
     */
    public static void mirrorTo(Configuration configuration, StandbyProperties standby) {
        AMQPMirrorBrokerConnectionElement mirror = new AMQPMirrorBrokerConnectionElement()
                .setMessageAcknowledgements(true)
                .setQueueCreation(true)
                .setQueueRemoval(true)
                .setDurable(true)
                .setSync(standby.sync());
        AMQPBrokerConnectConfiguration connection = new AMQPBrokerConnectConfiguration(MIRROR_CONNECTION, standby.uri())
                .setUser(MirrorLogin.LOGIN)
                .setPassword(standby.mirrorPassword())
                .setRetryInterval(MIRROR_RETRY_INTERVAL_MS)
                .setReconnectAttempts(-1);
        connection.addElement(mirror);
        configuration.addAMQPConnection(connection);
    }

    /** Standby: binds the mirror acceptor, and creates the serving acceptors without binding them. */
    public static void holdBackServing(Configuration configuration, String bindHost, int mirrorPort) throws Exception {
        for (TransportConfiguration acceptor : configuration.getAcceptorConfigurations()) {
            if (SERVING_ACCEPTORS.contains(acceptor.getName())) {
                acceptor.getParams().put(TransportConstants.AUTO_START, false);
            }
        }
        configuration.addAcceptorConfiguration(MIRROR_ACCEPTOR,
                "tcp://" + bindHost + ":" + mirrorPort + "?protocols=AMQP;saslMechanisms=PLAIN");
    }

    /** Whether the primary's mirror is connected to this standby's mirror acceptor. */
    public static boolean primaryConnected(ActiveMQServer broker, int mirrorPort) {
        String port = ":" + mirrorPort;
        return broker.getRemotingService().getConnections().stream()
                .anyMatch(connection -> connection.getTransportLocalAddress() != null
                        && connection.getTransportLocalAddress().endsWith(port));
    }

    /**
     * Takeover, first step: closes the mirror acceptor and its connection, so the stores stop changing,
     * and forgets cached logins: the mirror's was accepted only while passive, and broker.xml keeps a
     * success for minutes.
     */
    public static void closeMirror(ActiveMQServer broker) throws Exception {
        Acceptor mirror = broker.getRemotingService().getAcceptor(MIRROR_ACCEPTOR);
        if (mirror != null) {
            mirror.stop();
        }
        broker.getActiveMQServerControl().clearAuthenticationCache();
        broker.getActiveMQServerControl().clearAuthorizationCache();
    }

    /** Takeover, last step: binds the clients' and edges' acceptors. */
    public static void serve(ActiveMQServer broker) throws Exception {
        for (String name : SERVING_ACCEPTORS) {
            Acceptor acceptor = broker.getRemotingService().getAcceptor(name);
            if (acceptor == null) {
                throw new IllegalStateException("broker.xml has no acceptor named " + name);
            }
            acceptor.start();
        }
    }
}
