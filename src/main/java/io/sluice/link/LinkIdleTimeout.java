package io.sluice.link;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectConfiguration;

/**
 * How long the core↔edge connection may stay silent before either end drops it (ADR 0027). Both ends
 * apply {@code sluice.link.connection-idle-timeout} as the AMQP idle timeout of their side of the
 * connection: the core on its edges' acceptor, the edge on every transport of its broker connection.
 * Each end then also asks the other to send at least every half of it, so a live link is never silent
 * for that long (its heart-beats cross every second besides). A value already in the edge's
 * {@code sluice.edge.core-uri} ({@code ?amqpIdleTimeout=…}) wins.
 */
public final class LinkIdleTimeout {

    /** The Artemis URI parameter the AMQP protocol manager takes its idle timeout from (milliseconds). */
    static final String PARAMETER = "amqpIdleTimeout";

    private LinkIdleTimeout() {
    }

    /** The core: the acceptor its edges dial. */
    public static void onAcceptor(Configuration broker, String acceptorName, Duration idleTimeout) {
        TransportConfiguration acceptor = broker.getAcceptorConfigurations().stream()
                .filter(a -> acceptorName.equals(a.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("broker.xml has no acceptor named " + acceptorName));
        acceptor.getParams().putIfAbsent(PARAMETER, idleTimeout.toMillis());
    }

    /**
     * The edge: every core its broker connection may dial. A broker connection builds its AMQP protocol
     * manager from a transport's extra parameters (where the URI parser puts those Netty does not take),
     * unlike an acceptor, which takes all of them.
     */
    public static void onBrokerConnections(Configuration broker, Duration idleTimeout) throws Exception {
        for (AMQPBrokerConnectConfiguration connection : broker.getAMQPConnection()) {
            List<TransportConfiguration> transports = connection.getTransportConfigurations();
            for (int i = 0; i < transports.size(); i++) {
                TransportConfiguration transport = transports.get(i);
                Map<String, Object> extra = transport.getExtraParams() == null ? new HashMap<>()
                        : new HashMap<>(transport.getExtraParams());
                extra.putIfAbsent(PARAMETER, idleTimeout.toMillis());
                transports.set(i, new TransportConfiguration(transport.getFactoryClassName(), transport.getParams(),
                        transport.getName(), extra));
            }
        }
    }
}
