package io.sluice.core.stomp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.protocol.stomp.StompConnection;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A largest STOMP frame for the core's STOMP acceptor, over TCP and WebSocket (ADR 0018). Artemis
 * buffers a STOMP frame until its NUL however long it grows, so one client sending a frame without end
 * could take the broker's memory, and a content-length near 2 GiB makes it allocate that much at once.
 * This broker plugin puts a {@link StompFrameMeter} in front of the decoder of every STOMP connection;
 * a frame it refuses is answered with an ERROR frame whose message starts with the verdict
 * ({@code FRAME_TOO_LARGE}, {@code BAD_CONTENT_LENGTH}) and the connection is closed, as STOMP requires
 * after an ERROR. Other connections are not affected.
 */
public final class StompFrameLimit implements ActiveMQServerConnectionPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(StompFrameLimit.class);
    /** Artemis' name for the last handler of an acceptor's pipeline, the one that hands bytes to the protocol. */
    private static final String ARTEMIS_HANDLER = "handler";
    private static final String NAME = "sluice-stomp-frame-limit";

    private final int maxFrameBytes;

    public StompFrameLimit(int maxFrameBytes) {
        new StompFrameMeter(maxFrameBytes); // validates the limit at start-up
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Called by Artemis on the connection's event loop, before the connection's first bytes reach the decoder. */
    @Override
    public void afterCreateConnection(RemotingConnection connection) {
        if (connection instanceof StompConnection stomp && stomp.getTransportConnection() instanceof NettyConnection netty) {
            netty.getChannel().pipeline().addBefore(ARTEMIS_HANDLER, NAME, new Guard(stomp, new StompFrameMeter(maxFrameBytes)));
        }
    }

    /** One connection's meter: lets bytes through while the verdict is OK, else fails the connection. */
    private static final class Guard extends ChannelInboundHandlerAdapter {

        private final StompConnection stomp;
        private final StompFrameMeter meter;
        private boolean refused;

        Guard(StompConnection stomp, StompFrameMeter meter) {
            this.stomp = stomp;
            this.meter = meter;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (!(message instanceof ByteBuf bytes)) {
                ctx.fireChannelRead(message);
                return;
            }
            if (refused) {
                bytes.release();
                return;
            }
            StompFrameMeter.Verdict verdict = meter.accept(ByteBufUtil.getBytes(bytes), 0, bytes.readableBytes());
            if (verdict != StompFrameMeter.Verdict.OK) {
                bytes.release();
                refuse(ctx.channel(), verdict);
                return;
            }
            ctx.fireChannelRead(bytes); // Artemis decodes synchronously, on this thread
            if (bufferedByDecoder() > meter.maxFrameBytes()) {
                // the meter cut the stream differently from Artemis' decoder: its buffer is what counts
                refuse(ctx.channel(), StompFrameMeter.Verdict.FRAME_TOO_LARGE);
            }
        }

        private int bufferedByDecoder() {
            var handler = stomp.getFrameHandler();
            return handler == null || handler.getDecoder() == null ? 0 : handler.getDecoder().data;
        }

        private void refuse(Channel channel, StompFrameMeter.Verdict verdict) {
            refused = true;
            String why = verdict == StompFrameMeter.Verdict.BAD_CONTENT_LENGTH
                    ? "content-length must be a number of bytes, at most " + meter.maxFrameBytes()
                    : "a STOMP frame (command, headers and body) may have at most " + meter.maxFrameBytes() + " bytes";
            LOG.warn("STOMP connection from {} (login {}) closed: {}", stomp.getRemoteAddress(), stomp.getLogin(), why);
            stomp.fail(new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE,
                    verdict.name() + ": " + why + "; the connection is closed."));
            // Artemis closes too, but not always after its ERROR left (seen over WebSocket): flush, then close
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
