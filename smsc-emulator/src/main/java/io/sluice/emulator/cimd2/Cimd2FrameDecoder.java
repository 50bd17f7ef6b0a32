package io.sluice.emulator.cimd2;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;
import io.sluice.sms.cimd2.Cimd2Decoder;
import java.util.List;

/** Netty adapter of the pure {@link Cimd2Decoder}: bytes in, {@code Cimd2Decoded} out, one per STX..ETX. */
final class Cimd2FrameDecoder extends ByteToMessageDecoder {

    /** Clients may or may not send the optional checksum (CIMD Interface Specification §3.3). */
    private final Cimd2Decoder decoder = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT,
            Cimd2ChecksumPolicy.VERIFY_IF_PRESENT);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        byte[] chunk = new byte[in.readableBytes()];
        in.readBytes(chunk);
        out.addAll(decoder.feed(chunk));
    }
}
