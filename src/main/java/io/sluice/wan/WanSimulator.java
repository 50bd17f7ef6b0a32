package io.sluice.wan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy that plays a long, unstable internet path between an edge and the core: every
 * connection accepted on the listen port is forwarded to the target, each byte delayed by the
 * one-way latency ± jitter (never reordered), each direction paced to a bandwidth cap. While it
 * runs, conditions change at once, connections can be reset, and the path can become a black hole
 * that drops everything. Plain Java, no Spring: tests embed it, the {@code wan} role wraps it.
 * Semantics are described in {@code docs/wan-simulator.md}.
 *
 * <pre>{@code
 * try (WanSimulator wan = new WanSimulator(WanProperties.forTarget("localhost", corePort))) {
 *     wan.start();
 *     wan.setLatency(Duration.ofMillis(150));
 *     // point the edge at localhost:wan.port()
 * }
 * }</pre>
 */
public final class WanSimulator implements AutoCloseable {

    /** Longest latency or jitter: beyond it the path is not slow but gone (use a black hole). */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** Longest timed black hole; an indefinite one is {@code blackHole(true)}. */
    public static final Duration MAX_TIMED_BLACK_HOLE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(WanSimulator.class);
    /** Pending connections the kernel keeps before accept(); a few edges at most dial in. */
    private static final int ACCEPT_BACKLOG = 50;

    private final WanProperties properties;
    private final long seed;
    private final LinkConditions link;
    private final WanCounters counters = new WanCounters();
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong serials = new AtomicLong();
    private final ScheduledExecutorService restoreTimer = Executors.newSingleThreadScheduledExecutor(
            task -> Threads.daemon(task, "wan-restore-timer"));
    /** Serialises black-hole changes, start and close. */
    private final Object lock = new Object();
    private ScheduledFuture<?> pendingRestore;
    /** Which timed black hole a pending restore belongs to: a superseded timer must not restore. */
    private long blackHoleGeneration;
    private ServerSocket server;
    private boolean closed;

    public WanSimulator(WanProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.seed = properties.seed() != null ? properties.seed() : new SecureRandom().nextLong();
        this.link = new LinkConditions(properties.oneWayLatency(), properties.jitter(),
                properties.bandwidthBytesPerSecond());
    }

    /** Opens the listen port and starts accepting. */
    public void start() throws IOException {
        synchronized (lock) {
            if (server != null || closed) {
                throw new IllegalStateException("a WAN simulator starts once");
            }
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true); // a restarted simulator gets its fixed port back at once
            socket.bind(new InetSocketAddress(properties.listenHost(), properties.listenPort()), ACCEPT_BACKLOG);
            server = socket;
            Threads.daemon(() -> acceptLoop(socket), "wan-accept-" + socket.getLocalPort()).start();
        }
        LOG.info("WAN simulator on {}:{} -> {}:{}, latency {} ms ± {} ms, bandwidth {}, jitter seed {}",
                properties.listenHost(), port(), properties.targetHost(), properties.targetPort(),
                link.latency().toMillis(), link.jitter().toMillis(), bandwidthText(link.bandwidth()), seed);
    }

    /** The port clients dial (the one actually bound when the listen port was 0). */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("the WAN simulator has not been started");
            }
            return server.getLocalPort();
        }
    }

    /** One-way delay for bytes that arrive from now on; bytes already in flight keep their schedule. */
    public void setLatency(Duration oneWayLatency) {
        link.setLatency(oneWayLatency);
        LOG.info("WAN one-way latency now {} ms", oneWayLatency.toMillis());
    }

    /** Jitter (± this, uniformly) for bytes that arrive from now on. */
    public void setJitter(Duration jitter) {
        link.setJitter(jitter);
        LOG.info("WAN jitter now ± {} ms", jitter.toMillis());
    }

    /** Cap per direction per connection, from the next slice written on; 0 removes the cap. */
    public void setBandwidth(long bytesPerSecond) {
        link.setBandwidth(bytesPerSecond);
        LOG.info("WAN bandwidth now {}", bandwidthText(bytesPerSecond));
    }

    /**
     * Closes every proxied connection with a TCP RST (SO_LINGER 0) on both sides, as when a NAT or
     * firewall on the path forgets them. New connections are accepted as before.
     *
     * @return the number of connections reset
     */
    public int resetConnections() {
        int reset = 0;
        for (ProxiedConnection connection : connections) {
            if (connection.reset()) {
                reset++;
            }
        }
        LOG.info("WAN reset {} connection(s)", reset);
        return reset;
    }

    /**
     * Starts or ends a black hole, and cancels any timed one. In a black hole the sockets stay open
     * but nothing gets through: bytes in flight and bytes arriving are dropped, and new connections
     * are held without being dialled through. When it ends, connections that lost bytes are reset
     * and held ones are dialled through. See {@code docs/wan-simulator.md}.
     */
    public void blackHole(boolean on) {
        synchronized (lock) {
            cancelPendingRestore();
            changeBlackHole(on);
        }
    }

    /** A black hole that ends by itself after {@code duration} (at most {@link #MAX_TIMED_BLACK_HOLE}). */
    public void blackHoleFor(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_TIMED_BLACK_HOLE) > 0) {
            throw new IllegalArgumentException("a timed black hole lasts more than 0 and at most "
                    + MAX_TIMED_BLACK_HOLE.toHours() + " hours: " + duration);
        }
        synchronized (lock) {
            cancelPendingRestore();
            changeBlackHole(true);
            long generation = blackHoleGeneration;
            pendingRestore = restoreTimer.schedule(() -> endTimedBlackHole(generation), duration.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        LOG.info("WAN black hole for {} ms", duration.toMillis());
    }

    /** Current conditions and counters. */
    public WanStatus status() {
        Duration remaining;
        synchronized (lock) {
            remaining = pendingRestore == null ? Duration.ZERO
                    : Duration.ofNanos(Math.max(0, pendingRestore.getDelay(TimeUnit.NANOSECONDS)));
        }
        return new WanStatus(link.latency(), link.jitter(), link.bandwidth(), link.state().blackHoled(), remaining,
                connections.size(), counters.connectionsAccepted.get(), counters.connectionsReset.get(),
                counters.forwarded(Direction.CLIENT_TO_TARGET), counters.forwarded(Direction.TARGET_TO_CLIENT),
                connections.stream().mapToLong(ProxiedConnection::bytesInFlight).sum(), counters.bytesDropped.get(),
                seed);
    }

    /** Stops listening and resets every proxied connection (not counted as resets in the status). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            cancelPendingRestore();
            restoreTimer.shutdownNow();
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.debug("closing the listen socket: {}", e.toString());
                }
            }
        }
        connections.forEach(connection -> connection.abort("simulator closed"));
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                accepted(socket.accept());
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("WAN simulator accept failed: {}", e.toString());
                }
            }
        }
    }

    private void accepted(Socket client) throws IOException {
        try {
            client.setTcpNoDelay(true); // we add delay on purpose; Nagle's would come on top of it
        } catch (IOException e) {
            client.close(); // gone already
            throw e;
        }
        ProxiedConnection connection = new ProxiedConnection(serials.incrementAndGet(), client, route(),
                connections::remove);
        connections.add(connection);
        counters.connectionsAccepted.incrementAndGet();
        synchronized (lock) {
            if (closed) {
                connection.abort("simulator closed");
                return;
            }
        }
        connection.start();
    }

    private ProxiedConnection.Route route() {
        return new ProxiedConnection.Route(
                new InetSocketAddress(properties.targetHost(), properties.targetPort()), link, counters, seed);
    }

    private void endTimedBlackHole(long generation) {
        synchronized (lock) {
            if (generation != blackHoleGeneration || closed) {
                return; // superseded by a later black hole or restore
            }
            pendingRestore = null;
            changeBlackHole(false);
        }
    }

    private void cancelPendingRestore() {
        blackHoleGeneration++;
        if (pendingRestore != null) {
            pendingRestore.cancel(false);
            pendingRestore = null;
        }
    }

    private void changeBlackHole(boolean on) {
        if (!link.blackHole(on)) {
            return;
        }
        if (on) {
            LOG.info("WAN black hole: bytes in flight and arriving are dropped");
            connections.forEach(ProxiedConnection::blackHoleBegan);
        } else {
            LOG.info("WAN link restored");
            connections.forEach(ProxiedConnection::linkRestored);
        }
    }

    private static String bandwidthText(long bytesPerSecond) {
        return bytesPerSecond == Pacer.UNLIMITED ? "unlimited" : bytesPerSecond + " B/s";
    }
}
