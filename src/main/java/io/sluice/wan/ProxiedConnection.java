package io.sluice.wan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection and the connection the simulator dialled to the target for it, with a
 * {@link Pump} each way. It ends gracefully when both directions have delivered their end of
 * stream, or abruptly (a TCP RST to both sides) on an error, a reset request, or when a black hole
 * has cut a hole in one of its streams.
 */
final class ProxiedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedConnection.class);

    /** How long to wait for the target to accept before the client is reset. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** SO_LINGER 0 makes close() send an RST instead of a FIN. */
    private static final int LINGER_RESET = 0;

    /** Who dials what, and under which conditions; shared by every connection of a simulator. */
    record Route(InetSocketAddress target, LinkConditions link, WanCounters counters, long seed) {
    }

    private final long serial;
    private final Socket client;
    private final Route route;
    private final Consumer<ProxiedConnection> onClosed;
    private final String name;
    private final AtomicBoolean lostBytes = new AtomicBoolean();
    private final AtomicInteger finishedDirections = new AtomicInteger();
    // guarded by this: a close may race with the dial and with the pumps' start
    private final List<Thread> threads = new ArrayList<>();
    private final List<Pump> pumps = new ArrayList<>();
    private Socket target;
    private boolean closed;

    ProxiedConnection(long serial, Socket client, Route route, Consumer<ProxiedConnection> onClosed) {
        this.serial = serial;
        this.client = client;
        this.route = route;
        this.onClosed = onClosed;
        this.name = "wan-" + serial;
    }

    /** Dials the target on a thread of its own and starts pumping. */
    void start() {
        startThread(Threads.daemon(this::connectThrough, name + "-dial"));
    }

    private void connectThrough() {
        try {
            // In a black hole the client has connected (the kernel completed its handshake) but the
            // far end is not dialled: like a SYN retransmitted until the path comes back.
            route.link().awaitUp();
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(route.target(), CONNECT_TIMEOUT_MILLIS);
            startPumps(socket);
        } catch (IOException e) {
            LOG.warn("{}: cannot reach the target {}: {}", name, route.target(), e.toString());
            abort("target unreachable");
        } catch (InterruptedException e) {
            // closed while waiting for the link
        }
    }

    private synchronized void startPumps(Socket socket) throws IOException {
        if (closed) {
            socket.close();
            return;
        }
        target = socket;
        for (Direction direction : Direction.values()) {
            boolean outbound = direction == Direction.CLIENT_TO_TARGET;
            Pump pump = new Pump(direction, outbound ? client : target, outbound ? target : client, this,
                    route.link(), route.counters(), jitterRandom(direction));
            pumps.add(pump);
            pump.threads(name).forEach(this::startThread);
        }
        LOG.debug("{}: {} connected through to {}", name, client.getRemoteSocketAddress(), route.target());
    }

    /** Each direction of each connection its own sequence, so a run repeats whatever the threads do. */
    private Random jitterRandom(Direction direction) {
        return new Random(route.seed() * 31 + serial * Direction.values().length + direction.ordinal());
    }

    private synchronized void startThread(Thread thread) {
        if (!closed) {
            threads.add(thread);
            thread.start();
        }
    }

    /** A black hole began: what is in flight is lost. */
    void blackHoleBegan() {
        List<Pump> current;
        synchronized (this) {
            current = List.copyOf(pumps);
        }
        current.forEach(Pump::dropInFlight);
    }

    /** Bytes of this connection on the delayed path, both directions. */
    long bytesInFlight() {
        List<Pump> current;
        synchronized (this) {
            current = List.copyOf(pumps);
        }
        return current.stream().mapToLong(Pump::bytesInFlight).sum();
    }

    /**
     * The link is back. A TCP stream with a hole in it is something no real path produces (TCP
     * would have resent the bytes, or both ends would have given up), so a connection that lost
     * bytes is reset; one that was idle throughout carries on.
     */
    void linkRestored() {
        if (lostBytes.get()) {
            reset();
        }
    }

    /** Bytes of this connection were lost in a black hole. */
    void lost(int bytes) {
        route.counters().bytesDropped.addAndGet(bytes);
        lostBytes.set(true);
        // a chunk in flight may be found stale only after the link came back: reset at once then
        if (!route.link().state().blackHoled()) {
            reset();
        }
    }

    /** One direction delivered its end of stream; with both done the connection closes gracefully. */
    void finished(Direction direction) {
        if (finishedDirections.incrementAndGet() == Direction.values().length) {
            close(false, "both sides closed");
        }
    }

    /** Reset on the simulator's initiative (counted in the status). */
    boolean reset() {
        boolean done = close(true, "reset by the simulator");
        if (done) {
            route.counters().connectionsReset.incrementAndGet();
        }
        return done;
    }

    /** Reset because one side failed or went away: the other side sees a reset too. */
    boolean abort(String reason) {
        return close(true, reason);
    }

    private boolean close(boolean withReset, String reason) {
        List<Thread> running;
        Socket dialled;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            running = List.copyOf(threads);
            dialled = target;
        }
        closeSocket(client, withReset);
        closeSocket(dialled, withReset);
        running.stream().filter(thread -> thread != Thread.currentThread()).forEach(Thread::interrupt);
        LOG.debug("{}: closed ({})", name, reason);
        onClosed.accept(this);
        return true;
    }

    private static void closeSocket(Socket socket, boolean withReset) {
        if (socket == null) {
            return;
        }
        try {
            if (withReset && !socket.isClosed()) {
                socket.setSoLinger(true, LINGER_RESET);
            }
            socket.close();
        } catch (IOException e) {
            // closing anyway; nothing to tell either peer
        }
    }
}
