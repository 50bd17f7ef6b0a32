package io.sluice.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.DaemonTimer;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.BrokerConnection;
import org.apache.activemq.artemis.protocol.amqp.connect.AMQPBrokerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-starts a broker connection that Artemis has stopped dialling.
 *
 * <p>Artemis' AMQP broker connection (2.44 to 2.55) learns that its TCP connection closed only through a
 * handler it installs after the connect. When the far side hangs up before that — a proxy, a load
 * balancer or the WAN simulator whose own target is not up yet — the connection is dead and never
 * re-dialled (BrokerConnectionWatchdogTest shows it). The watchdog hands it back to Artemis' retry loop.
 *
 * <p>Only such a connection is restarted: one that is down and that Artemis is not
 * {@linkplain AMQPBrokerConnection#isConnecting() connecting} (dialling, or waiting for its next retry).
 * Restarting a connection Artemis is still retrying does harm (ADR 0031): the restart's attempt and
 * Artemis' own are then in flight together, and a late failure of the older one makes Artemis tear down
 * whichever connection is current — often the one that had just come up after an outage — costing each
 * recovery 2.5–3 s.
 */
public final class BrokerConnectionWatchdog {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnectionWatchdog.class);

    private final ActiveMQServer broker;
    private final Duration checkEvery;
    private final Duration stuckAfter;
    /** Per connection name: when it was first seen down with nobody dialling it (System.nanoTime), while that lasts. */
    private final Map<String, Long> downSince = new HashMap<>();
    /** Per connection name: restarts in the current outage (the first is a warning, the rest information). */
    private final Map<String, Integer> restarts = new HashMap<>();
    private final AtomicInteger restartsSoFar = new AtomicInteger();
    private ScheduledExecutorService timer;

    /**
     * A watchdog for the broker connections of this configuration: checks twice per retry interval, and
     * re-starts a connection down, with nobody dialling it, for two retry intervals (at least two seconds).
     * Short, because the link is expected back within about a retry interval of the network's return
     * (issue 7, scenario 2); two intervals leave Artemis the time to notice a close and start dialling.
     */
    public static BrokerConnectionWatchdog forConfiguredConnections(ActiveMQServer broker) {
        long retryMs = broker.getConfiguration().getAMQPConnection().stream()
                .mapToLong(AMQPBrokerConnectConfiguration::getRetryInterval).max().orElse(1000);
        Duration checkEvery = Duration.ofMillis(Math.max(100, retryMs / 2));
        Duration stuckAfter = Duration.ofMillis(Math.max(2000, 2 * retryMs));
        return new BrokerConnectionWatchdog(broker, checkEvery, stuckAfter);
    }

    public BrokerConnectionWatchdog(ActiveMQServer broker, Duration checkEvery, Duration stuckAfter) {
        this.broker = broker;
        this.checkEvery = checkEvery;
        this.stuckAfter = stuckAfter;
    }

    public synchronized void start() {
        timer = DaemonTimer.named("broker-connection-watchdog");
        timer.scheduleWithFixedDelay(this::checkQuietly, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void checkQuietly() {
        try {
            check(System.nanoTime());
        } catch (RuntimeException e) {
            log.warn("Checking the broker connections failed; trying again in {}", checkEvery, e);
        }
    }

    void check(long nowNanos) {
        if (!broker.isActive()) {
            return;
        }
        for (BrokerConnection connection : broker.getBrokerConnections()) {
            if (!connection.isStarted() || connection.isConnected() || isBeingDialled(connection)) {
                downSince.remove(connection.getName());
                if (connection.isConnected()) {
                    restarts.remove(connection.getName());
                }
                continue;
            }
            long since = downSince.computeIfAbsent(connection.getName(), name -> nowNanos);
            if (nowNanos - since >= stuckAfter.toNanos()) {
                restart(connection);
                downSince.put(connection.getName(), nowNanos);
            }
        }
    }

    /**
     * Whether Artemis' own retry loop has the connection: dialling now, or waiting for its next attempt. The
     * flag is a plain field; a stale read only delays a restart by one check.
     */
    private static boolean isBeingDialled(BrokerConnection connection) {
        return connection instanceof AMQPBrokerConnection amqp && amqp.isConnecting();
    }

    /** How many restarts this watchdog has made, for tests. */
    int restartsSoFar() {
        return restartsSoFar.get();
    }

    private void restart(BrokerConnection connection) {
        int restart = restarts.merge(connection.getName(), 1, Integer::sum);
        restartsSoFar.incrementAndGet();
        if (restart == 1) {
            log.warn("Broker connection {} has been down for more than {}; dialling it again", connection.getName(),
                    stuckAfter);
        } else {
            log.info("Broker connection {} still down; dialling it again (restart {} of this outage)",
                    connection.getName(), restart);
        }
        try {
            if (connection instanceof AMQPBrokerConnection amqp) {
                // Artemis' own path back into its retry loop: it marks itself dialling, fails the dead connection and
                // schedules the next attempt, so the dead connection's late close finds it dialling and does nothing.
                // A stop and start instead queued the new attempt ahead of that close, which then tore the new
                // connection down ("Connection being recreated"), or left an orphan connection beside it.
                amqp.disconnect();
            } else {
                broker.stopBrokerConnection(connection.getName());
                broker.startBrokerConnection(connection.getName());
            }
        } catch (Exception e) {
            log.warn("Could not restart broker connection {}; trying again in {}", connection.getName(), stuckAfter, e);
        }
    }
}
