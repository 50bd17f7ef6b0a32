package io.sluice.sms.cimd2.client;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;
import io.sluice.sms.cimd2.Cimd2Decoder;

/** Netty adapter of the pure {@link Cimd2Decoder}: bytes in, one {@code Cimd2Decoded} per STX..ETX out. */
final class Cimd2FrameDecoder extends ByteToMessageDecoder {

    private final Cimd2Decoder decoder;

    Cimd2FrameDecoder(Cimd2ChecksumPolicy checksumPolicy) {
        this.decoder = new Cimd2Decoder(Cimd2Decoder.Limits.DEFAULT, checksumPolicy);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        byte[] chunk = new byte[in.readableBytes()];
        in.readBytes(chunk);
        out.addAll(decoder.feed(chunk));
    }
}
