package io.sluice.emulator.cimd2;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.sluice.emulator.outbound.OutboundLane;
import io.sluice.emulator.smpp.HandshakeMonitor.Arrival;
import io.sluice.emulator.smpp.SmscServices;
import io.sluice.emulator.traffic.SessionStats;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.sms.cimd2.Cimd2DecodeError;
import io.sluice.sms.cimd2.Cimd2Decoded;
import io.sluice.sms.cimd2.Cimd2Encoder;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2UnknownOperation;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CIMD2 client connection: login state, the watch on stop-and-wait ({@link Cimd2Turns}), the
 * outbound lane once logged in, and the traffic log of both directions. Requests are answered by
 * {@link Cimd2Requests}; deliveries to the client are sent by {@link Cimd2Deliverer}.
 */
final class Cimd2Session extends SimpleChannelInboundHandler<Cimd2Decoded> {

    private static final Logger log = LoggerFactory.getLogger(Cimd2Session.class);
    static final String BIND_TYPE = "CIMD2";
    private static final String NOTE_VIOLATION = "violation";
    private static final String NOTE_KEEPALIVE_OVERLAP = "keepalive-overlap";
    private static final String NOTE_WITHHELD = "withheld (#NORESP)";

    private record Login(String account, Instant at) {
    }

    private final String id;
    private final SmscServices services;
    private final Consumer<Cimd2Session> onClosed;
    private final Cimd2Encoder encoder = new Cimd2Encoder(true);
    private final Cimd2Turns turns = new Cimd2Turns();
    private final Cimd2Requests requests;
    private final Cimd2Deliverer deliverer = new Cimd2Deliverer(this);
    private volatile Channel channel;
    private volatile String remoteAddress = "";
    private volatile Login login;
    private volatile OutboundLane lane;

    Cimd2Session(String id, SmscServices services, Consumer<Cimd2Session> onClosed) {
        this.id = id;
        this.services = services;
        this.onClosed = onClosed;
        this.requests = new Cimd2Requests(this, services);
    }

    String id() {
        return id;
    }

    SmscServices services() {
        return services;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (channel.remoteAddress() instanceof InetSocketAddress address) {
            remoteAddress = address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        log.info("{}: CIMD2 connection from {}", id, remoteAddress);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Cimd2Decoded decoded) {
        if (decoded instanceof Cimd2Packet packet) {
            arrived(packet);
        } else if (decoded instanceof Cimd2UnknownOperation unknown) {
            record(Cimd2Summary.other(now(), id, "operation_" + unknown.operationCode(), unknown.packetNumber(), null));
            send(Cimd2Packet.generalError(unknown.packetNumber(), Cimd2ErrorCode.UNEXPECTED_OPERATION));
        } else if (decoded instanceof Cimd2DecodeError error) {
            undecodable(error);
        }
    }

    private void arrived(Cimd2Packet packet) {
        if (packet.operation().isResponse()) {
            record(Cimd2Summary.of(now(), id, TrafficRecord.IN, packet, null));
            deliverer.responseArrived(packet);
            return;
        }
        Arrival arrival = turns.requestArrived(packet.operation(), packet.packetNumber());
        String note = switch (arrival) {
            case VIOLATION -> NOTE_VIOLATION;
            case KEEPALIVE_OVERLAP -> NOTE_KEEPALIVE_OVERLAP;
            default -> null;
        };
        if (arrival == Arrival.VIOLATION) {
            services.stats().violation();
        } else if (arrival == Arrival.KEEPALIVE_OVERLAP) {
            services.stats().keepaliveOverlap();
        }
        record(Cimd2Summary.of(now(), id, TrafficRecord.IN, packet, note));
        requests.handle(packet, channel.eventLoop());
    }

    /** §4.13: a damaged packet is NACKed so that the client sends it again; anything else gets a general error. */
    private void undecodable(Cimd2DecodeError error) {
        log.info("{}: undecodable packet: {} ({})", id, error.problem(), error.detail());
        int number = error.packetNumber().orElse(-1);
        record(Cimd2Summary.other(now(), id, "undecodable", number, error.problem().name()));
        if (number < 0) {
            return; // nothing to answer with: the client's response timer has to fire
        }
        send(error.problem().isTransmissionError() ? Cimd2Packet.nack(number)
                : Cimd2Packet.generalError(number, error.problem().errorCode()));
    }

    /** Writes a packet; a response ends its request's turn. */
    void send(Cimd2Packet packet) {
        if (packet.operation().isResponse()) {
            services.stats().busyFor(turns.answered(packet.packetNumber()));
            if (packet.isNegative() && packet.operation().request().map(Cimd2Turns::isHandshaked).orElse(true)) {
                services.stats().rejected();
            }
        }
        record(Cimd2Summary.of(now(), id, TrafficRecord.OUT, packet, null));
        Channel current = channel;
        if (current != null) {
            current.writeAndFlush(Unpooled.wrappedBuffer(encoder.encode(packet)));
        }
    }

    /** A scripted {@code #NORESP}: the request stops counting as outstanding, but no answer goes out. */
    void withhold(Cimd2Packet response) {
        services.stats().busyFor(turns.answered(response.packetNumber()));
        services.stats().leftUnanswered();
        record(Cimd2Summary.of(now(), id, TrafficRecord.OUT, response, NOTE_WITHHELD));
    }

    boolean isOutOfTurn(int packetNumber) {
        return turns.isViolation(packetNumber);
    }

    boolean isOpen() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    /** The account logged in on this connection, or null before a successful login. */
    String account() {
        Login current = login;
        return current == null ? null : current.account();
    }

    /** Booked before the login response goes, as the client may submit the moment it reads it. */
    void loggedIn(String account) {
        login = new Login(account, services.clock().instant());
        services.stats().bound();
        log.info("{}: {} logged in from {}", id, account, remoteAddress);
    }

    /** Starts sending the account's MO messages and receipts, once the login response is on its way. */
    void startLane() {
        lane = new OutboundLane(id, services.mailboxes().of(account()), deliverer,
                services.properties().moRetryInterval(), services.outboundEvents());
        lane.start();
        if (!isOpen()) {
            lane.stop(); // the client left while we were starting the lane
        }
    }

    /** Closes after the last write has gone out, so the client reads its final response. */
    void closeAfterFlush() {
        Channel current = channel;
        if (current != null) {
            current.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        OutboundLane current = lane;
        if (current != null) {
            current.stop();
        }
        deliverer.closed();
        if (login != null) {
            services.stats().unbound();
        }
        log.info("{}: closed", id);
        onClosed.accept(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.info("{}: connection failed: {}", id, cause.getMessage());
        ctx.close();
    }

    SessionStats stats() {
        Login current = login;
        return new SessionStats(id, current == null ? null : current.account(), current == null ? null : BIND_TYPE,
                remoteAddress, current == null ? null : current.at(), turns.violations(), turns.keepaliveOverlaps(),
                turns.outstanding());
    }

    void resetCounters() {
        turns.resetCounters();
    }

    void close() {
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    private void record(TrafficRecord record) {
        services.traffic().record(record);
    }

    private Instant now() {
        return services.clock().instant();
    }
}
