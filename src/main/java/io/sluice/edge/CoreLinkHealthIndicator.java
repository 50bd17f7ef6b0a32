package io.sluice.edge;

import java.util.Map;
import java.util.TreeMap;

import io.sluice.link.LinkMonitor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.BrokerConnection;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health {@code coreLink} of an edge (ADR 0010): the broker connection to the core, and what the
 * heart-beats say. Shown in the health details but not part of readiness: riding out a core outage is
 * what the edge is for.
 */
public final class CoreLinkHealthIndicator implements HealthIndicator {

    private final ActiveMQServer broker;
    private final LinkMonitor.LinkState link;

    public CoreLinkHealthIndicator(ActiveMQServer broker, LinkMonitor.LinkState link) {
        this.broker = broker;
        this.link = link;
    }

    @Override
    public Health health() {
        Map<String, Boolean> connections = new TreeMap<>();
        for (BrokerConnection connection : broker.getBrokerConnections()) {
            connections.put(connection.getName(), connection.isConnected());
        }
        boolean connected = !connections.isEmpty() && !connections.containsValue(false);
        Health.Builder health = connected ? Health.up() : Health.down();
        health.withDetail("brokerConnections", connections).withDetail("heartbeats", link.up() ? "arriving" : "silent");
        link.roundTripTime().ifPresent(rtt -> health.withDetail("rttMillis", rtt.toMillis()));
        return health.build();
    }
}
