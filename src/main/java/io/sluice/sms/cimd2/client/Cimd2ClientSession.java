package io.sluice.sms.cimd2.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sluice.sms.cimd2.Cimd2Encoder;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2PacketNumbers;
import io.sluice.sms.cimd2.Cimd2Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's CIMD2 session with one SMSC (CIMD Interface Specification chapters 2-4; ADR 0009): connect,
 * login (01), then one request at a time — a submit (03) from {@link #exchange} or an alive (40) when idle
 * — each retransmitted with its own packet number when no response comes within the response timeout,
 * the connection given up after the last transmission, and reconnected and logged in again with back-off.
 * Deliveries from the SMSC are answered by {@link Cimd2Inbound}.
 *
 * <p>Stop-and-wait holds because a request is only ever written by {@link #begin}, under this object's
 * lock, in state READY (or LOGGING_IN for the login itself), which it leaves until the request is
 * finished; every state change happens under the same lock.
 */
public final class Cimd2ClientSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cimd2ClientSession.class);
    private static final long CLOSE_WAIT_SECONDS = 1;

    /** The one request in flight: its bytes are kept so that a retransmission is the very same packet. */
    private static final class Outstanding {
        final Cimd2Packet packet;
        final byte[] bytes;
        final Cimd2Operation expected;
        final CompletableFuture<Cimd2Packet> answer = new CompletableFuture<>();
        int transmissions;
        ScheduledFuture<?> timer;

        Outstanding(Cimd2Packet packet, byte[] bytes) {
            this.packet = packet;
            this.bytes = bytes;
            this.expected = packet.operation().response().orElseThrow();
        }
    }

    private final Cimd2ClientSettings settings;
    private final Cimd2Encoder encoder;
    private final Cimd2PacketNumbers numbers = Cimd2PacketNumbers.forClient();
    private final EventLoopGroup group;
    private final ExecutorService deliveryThread;
    private final Bootstrap bootstrap;

    // All guarded by this.
    private Cimd2SessionState state = Cimd2SessionState.DISCONNECTED;
    private Channel channel;
    private Outstanding outstanding;
    private int failedAttempts;
    private long lastActivityNanos = System.nanoTime();
    private long logins;
    private boolean started;
    /** Set by close(): the SMSC hanging up after our logout is not a reason to reconnect. */
    private boolean closing;

    public Cimd2ClientSession(Cimd2ClientSettings settings, Cimd2DeliveryHandler deliveries) {
        this.settings = settings;
        this.encoder = new Cimd2Encoder(settings.checksum());
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("cimd2-client", true));
        // One thread: the SMSC delivers one packet at a time, and the route transaction may block for a while.
        this.deliveryThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("cimd2-deliveries", true));
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.responseTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        connection.pipeline().addLast(new Cimd2FrameDecoder(settings.checksumPolicy()),
                                new Cimd2Inbound(Cimd2ClientSession.this, connection, encoder, deliveryThread, deliveries));
                    }
                });
    }

    /** Connects (and keeps reconnecting) in the background; {@link #exchange} waits for the login. */
    public synchronized void start() {
        if (started || state == Cimd2SessionState.CLOSED) {
            return;
        }
        started = true;
        long checkMillis = Math.max(1, settings.aliveInterval().toMillis() / 2);
        group.scheduleWithFixedDelay(this::checkAlive, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        connect();
    }

    /**
     * Sends {@code request} as the one outstanding request and returns its response, positive or negative
     * (the caller judges). Waits up to the response timeout for the session to be READY.
     *
     * @throws Cimd2SessionException not logged in, connection lost, or no response after every transmission
     */
    public Cimd2Packet exchange(Cimd2Packet request) throws Cimd2SessionException, InterruptedException {
        CompletableFuture<Cimd2Packet> answer;
        synchronized (this) {
            long deadline = System.nanoTime() + settings.responseTimeout().toNanos();
            while (state != Cimd2SessionState.READY) {
                long left = deadline - System.nanoTime();
                if (state == Cimd2SessionState.CLOSED || left <= 0) {
                    throw new Cimd2SessionException("not logged in to the SMSC (" + state + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            answer = begin(request);
        }
        try {
            // Always completes: by the response, the last timeout, the connection's loss or close().
            return answer.get();
        } catch (ExecutionException e) {
            throw new Cimd2SessionException(e.getCause().getMessage());
        }
    }

    public synchronized Cimd2SessionState state() {
        return state;
    }

    /** Successful logins so far (a reconnect shows as one more). */
    public synchronized long logins() {
        return logins;
    }

    /** Logs out politely when idle, then closes for good. */
    @Override
    public void close() {
        CompletableFuture<Cimd2Packet> logout = null;
        synchronized (this) {
            closing = true;
            if (state == Cimd2SessionState.READY) {
                logout = begin(Cimd2Packet.builder(Cimd2Operation.LOGOUT).build());
            }
        }
        if (logout != null) {
            try {
                logout.get(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("no logout response: {}", e.toString());
            }
        }
        Channel open;
        synchronized (this) {
            state = Cimd2SessionState.CLOSED;
            open = channel;
            channel = null;
            finish(outstanding, null, new Cimd2SessionException("session closed"));
            notifyAll();
        }
        if (open != null) {
            open.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        deliveryThread.shutdownNow();
        group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    // --- called by Cimd2Inbound on the event loop ---

    /** Any packet from the SMSC counts as traffic: alive is for idle connections only. */
    synchronized void heard() {
        lastActivityNanos = System.nanoTime();
    }

    /** A response, NACK (99) or general error (98) on {@code on}. */
    synchronized void onResponse(Channel on, Cimd2Packet response) {
        Outstanding current = outstanding;
        if (on != channel || current == null || response.packetNumber() != current.packet.packetNumber()) {
            LOG.warn("Ignoring {} {} from the SMSC: not the response awaited", response.operation(), response.packetNumber());
            return;
        }
        if (response.operation() == Cimd2Operation.NACK) {
            // §4.13: the SMSC asks for the packet again (damaged in transit or an unexpected number).
            current.timer.cancel(false);
            retransmitOrGiveUp(current, "NACK");
        } else if (response.operation() == current.expected
                || response.operation() == Cimd2Operation.GENERAL_ERROR_RESPONSE) {
            finish(current, response, null);
        } else {
            LOG.warn("Ignoring {} {} from the SMSC while awaiting {}", response.operation(), response.packetNumber(),
                    current.expected);
        }
    }

    synchronized void disconnected(Channel lost) {
        if (lost == channel) {
            if (closing) {
                LOG.debug("CIMD2 connection closed after logout");
            } else {
                LOG.warn("CIMD2 connection to {}:{} lost in state {}", settings.host(), settings.port(), state);
            }
            drop("connection to the SMSC lost");
        }
    }

    // --- the state machine; every method below runs with the lock held ---

    private void connect() {
        state = Cimd2SessionState.CONNECTING;
        bootstrap.connect(settings.host(), settings.port()).addListener((ChannelFuture done) -> connected(done));
    }

    private synchronized void connected(ChannelFuture done) {
        if (state != Cimd2SessionState.CONNECTING) {
            if (done.isSuccess()) {
                done.channel().close(); // closed meanwhile
            }
            return;
        }
        if (!done.isSuccess()) {
            LOG.warn("Cannot connect to the CIMD2 SMSC at {}:{}: {}", settings.host(), settings.port(),
                    done.cause() == null ? "unknown reason" : done.cause().getMessage());
            reconnectLater();
            return;
        }
        channel = done.channel();
        state = Cimd2SessionState.LOGGING_IN;
        numbers.reset(); // a new login numbers from 001 again
        Channel loggingIn = channel;
        begin(Cimd2Packet.builder(Cimd2Operation.LOGIN).add(Cimd2Parameter.USER_IDENTITY, settings.user())
                .add(Cimd2Parameter.PASSWORD, settings.password()).build())
                .whenComplete((response, failure) -> loginAnswered(loggingIn, response, failure));
    }

    private synchronized void loginAnswered(Channel on, Cimd2Packet response, Throwable failure) {
        if (on != channel || state != Cimd2SessionState.LOGGING_IN) {
            return;
        }
        if (failure == null && !response.isNegative()) {
            state = Cimd2SessionState.READY;
            failedAttempts = 0;
            logins++;
            LOG.info("Logged in to the CIMD2 SMSC at {}:{} as {}", settings.host(), settings.port(), settings.user());
            notifyAll();
            return;
        }
        LOG.error("CIMD2 login as {} failed: {}", settings.user(),
                failure != null ? failure.getMessage() : response.operation() + " " + response.error().orElse(null));
        drop("login failed");
    }

    private CompletableFuture<Cimd2Packet> begin(Cimd2Packet request) {
        if (outstanding != null || !(state == Cimd2SessionState.READY || state == Cimd2SessionState.LOGGING_IN)) {
            throw new IllegalStateException("stop-and-wait: cannot send " + request.operation() + " in state " + state);
        }
        Cimd2Packet numbered = request.withPacketNumber(numbers.next());
        Outstanding sent = new Outstanding(numbered, encoder.encode(numbered));
        outstanding = sent;
        if (state == Cimd2SessionState.READY) {
            state = Cimd2SessionState.AWAITING_RESPONSE;
        }
        transmit(sent);
        return sent.answer;
    }

    private void transmit(Outstanding request) {
        request.transmissions++;
        lastActivityNanos = System.nanoTime();
        channel.writeAndFlush(Unpooled.wrappedBuffer(request.bytes));
        request.timer = channel.eventLoop().schedule(() -> timedOut(request),
                settings.responseTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void timedOut(Outstanding request) {
        if (outstanding == request) {
            retransmitOrGiveUp(request, "no response within " + settings.responseTimeout());
        }
    }

    private void retransmitOrGiveUp(Outstanding request, String why) {
        if (request.transmissions < settings.maxTransmissions()) {
            LOG.warn("{} to {} {}: sending it again with the same packet number", why, request.packet.operation(),
                    request.packet.packetNumber());
            transmit(request);
            return;
        }
        LOG.warn("{} to {} {} after {} transmissions: reconnecting", why, request.packet.operation(),
                request.packet.packetNumber(), request.transmissions);
        drop("no response from the SMSC to " + request.packet.operation() + " after " + request.transmissions
                + " transmissions");
    }

    /** Leaves the connection: the request in flight fails (temporary), a reconnect is scheduled. */
    private void drop(String why) {
        Channel gone = channel;
        channel = null;
        finish(outstanding, null, new Cimd2SessionException(why));
        if (gone != null) {
            gone.close();
        }
        if (state != Cimd2SessionState.CLOSED) {
            reconnectLater();
        }
    }

    private void finish(Outstanding request, Cimd2Packet response, Exception failure) {
        if (request == null || outstanding != request) {
            return;
        }
        outstanding = null;
        if (request.timer != null) {
            request.timer.cancel(false);
        }
        if (state == Cimd2SessionState.AWAITING_RESPONSE) {
            state = Cimd2SessionState.READY;
        }
        notifyAll();
        if (failure == null) {
            request.answer.complete(response);
        } else {
            request.answer.completeExceptionally(failure);
        }
    }

    private void reconnectLater() {
        state = Cimd2SessionState.DISCONNECTED;
        notifyAll();
        if (closing) {
            return;
        }
        long delay = settings.reconnectDelayAfter(failedAttempts++).toMillis();
        group.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect() {
        if (state == Cimd2SessionState.DISCONNECTED) {
            connect();
        }
    }

    private synchronized void checkAlive() {
        if (state == Cimd2SessionState.READY
                && System.nanoTime() - lastActivityNanos >= settings.aliveInterval().toNanos()) {
            begin(Cimd2Packet.builder(Cimd2Operation.ALIVE).build()).whenComplete((response, failure) -> {
                if (failure == null && response.isNegative()) {
                    LOG.warn("The SMSC answered alive with {}", response.operation());
                }
            });
        }
    }
}
