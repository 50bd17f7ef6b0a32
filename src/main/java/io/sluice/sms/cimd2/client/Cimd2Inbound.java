package io.sluice.sms.cimd2.client;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.sluice.sms.cimd2.Cimd2DecodeError;
import io.sluice.sms.cimd2.Cimd2Decoded;
import io.sluice.sms.cimd2.Cimd2Encoder;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2UnknownOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives on one CIMD2 connection: responses go to the session; deliver message (20) and deliver
 * status report (23) go to the delivery handler on the delivery thread and are answered (70/73) only
 * after it returned, i.e. after the message is stored; alive (40) is answered at once. The last SMSC
 * packet acknowledged positively on this connection is remembered: the SMSC retransmits with the same
 * number (§3.2), so a repeat is acknowledged again and not delivered twice. One instance per connection,
 * hence per login, so the memory starts empty with each login as the SMSC's numbering does.
 */
final class Cimd2Inbound extends SimpleChannelInboundHandler<Cimd2Decoded> {

    private static final Logger LOG = LoggerFactory.getLogger(Cimd2Inbound.class);
    private static final int NONE = -1;

    private final Cimd2ClientSession session;
    private final Channel connection;
    private final Cimd2Encoder encoder;
    private final Executor deliveryThread;
    private final Cimd2DeliveryHandler handler;
    /** Only the delivery thread touches these two. */
    private int lastAcknowledged = NONE;
    private Cimd2Operation lastAcknowledgedOperation;

    Cimd2Inbound(Cimd2ClientSession session, Channel connection, Cimd2Encoder encoder, Executor deliveryThread,
                 Cimd2DeliveryHandler handler) {
        this.session = session;
        this.connection = connection;
        this.encoder = encoder;
        this.deliveryThread = deliveryThread;
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Cimd2Decoded decoded) {
        session.heard();
        if (decoded instanceof Cimd2Packet packet) {
            arrived(packet);
        } else if (decoded instanceof Cimd2UnknownOperation unknown) {
            // §4.12: answered, and the session goes on
            write(Cimd2Packet.generalError(unknown.packetNumber(), Cimd2ErrorCode.UNEXPECTED_OPERATION));
        } else if (decoded instanceof Cimd2DecodeError error) {
            LOG.warn("Undecodable packet from the SMSC: {} ({})", error.problem(), error.detail());
            // Without a readable packet number there is nothing to answer; the SMSC's timer will fire.
            error.packetNumber().ifPresent(number -> write(error.problem().isTransmissionError()
                    ? Cimd2Packet.nack(number) : Cimd2Packet.generalError(number, error.problem().errorCode())));
        }
    }

    private void arrived(Cimd2Packet packet) {
        if (packet.operation().isResponse()) {
            session.onResponse(connection, packet);
            return;
        }
        switch (packet.operation()) {
            case DELIVER_MESSAGE, DELIVER_STATUS_REPORT -> {
                try {
                    deliveryThread.execute(() -> deliver(packet));
                } catch (RejectedExecutionException closing) {
                    LOG.debug("Session closing: {} {} left for the SMSC to resend", packet.operation(),
                            packet.packetNumber());
                }
            }
            case ALIVE -> write(packet.response().build());
            default -> write(Cimd2Packet.generalError(packet.packetNumber(), Cimd2ErrorCode.UNEXPECTED_OPERATION));
        }
    }

    private void deliver(Cimd2Packet delivery) {
        if (delivery.packetNumber() == lastAcknowledged && delivery.operation() == lastAcknowledgedOperation) {
            LOG.info("{} {} repeated by the SMSC: acknowledged again, not delivered twice", delivery.operation(),
                    delivery.packetNumber());
            write(delivery.response().build());
            return;
        }
        if (!connection.isActive()) {
            return; // no one to answer; the SMSC sends it again after the reconnect
        }
        try {
            handler.deliver(delivery);
        } catch (Exception refused) {
            LOG.warn("{} {} not stored ({}): answered with a temporary error, the SMSC retries", delivery.operation(),
                    delivery.packetNumber(), refused.getMessage());
            write(delivery.negativeResponse(Cimd2ErrorCode.TEMPORARY_CONGESTION));
            return;
        }
        lastAcknowledged = delivery.packetNumber();
        lastAcknowledgedOperation = delivery.operation();
        write(delivery.response().build());
    }

    private void write(Cimd2Packet packet) {
        connection.writeAndFlush(Unpooled.wrappedBuffer(encoder.encode(packet)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.disconnected(connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("CIMD2 connection failed: {}", cause.getMessage());
        ctx.close();
    }
}
