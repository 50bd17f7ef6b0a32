package io.sluice.sms.cimd2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming CIMD2 decoder (CIMD Interface Specification §3.1): feed it the bytes of a connection in
 * whatever chunks they arrive; it returns each packet once its ETX is in. Bytes outside STX..ETX are
 * ignored, as §3.1 asks. A stretch that is not a packet becomes a {@link Cimd2DecodeError} and the decoder
 * hunts for the next STX, so one bad packet never costs the session its sync. It never throws for any
 * input. Not thread-safe: one connection, one reader.
 */
public final class Cimd2Decoder {

    /**
     * Size limits, checked before anything is buffered.
     *
     * @param maxPacketBytes longest packet, STX and ETX included
     * @param maxParameterBytes longest parameter value
     */
    public record Limits(int maxPacketBytes, int maxParameterBytes) {

        /** Room for a submit with 480 characters of user data, a 140-octet UDH and every optional parameter. */
        public static final Limits DEFAULT = new Limits(2048, 512);

        public Limits {
            if (maxPacketBytes < Cimd2Framing.HEADER_LENGTH + 1) {
                throw new IllegalArgumentException("maxPacketBytes must leave room for a header and ETX, got "
                        + maxPacketBytes);
            }
            if (maxParameterBytes < 1) {
                throw new IllegalArgumentException("maxParameterBytes must be positive, got " + maxParameterBytes);
            }
        }
    }

    private enum State {
        /** Skipping bytes until an STX. */
        HUNTING,
        /** Collecting a packet from its STX. */
        READING
    }

    private final Limits limits;
    private final Cimd2FrameParser parser;
    private final byte[] packet;
    private int length;
    private State state = State.HUNTING;

    public Cimd2Decoder(Limits limits, Cimd2ChecksumPolicy checksumPolicy) {
        this.limits = limits;
        this.parser = new Cimd2FrameParser(limits.maxParameterBytes(), checksumPolicy);
        this.packet = new byte[limits.maxPacketBytes()];
    }

    public List<Cimd2Decoded> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Everything that {@code chunk[offset..offset+count)} completes, in order; empty while a packet is incomplete. */
    public List<Cimd2Decoded> feed(byte[] chunk, int offset, int count) {
        List<Cimd2Decoded> decoded = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            accept(chunk[i], decoded);
        }
        return decoded;
    }

    /** Whether part of a packet is buffered, e.g. to tell a clean end of stream from a cut-off one. */
    public boolean isInsidePacket() {
        return state == State.READING;
    }

    private void accept(byte b, List<Cimd2Decoded> decoded) {
        if (state == State.HUNTING) {
            if (b == Cimd2Framing.STX) {
                start();
            }
            return;
        }
        if (b == Cimd2Framing.STX) {
            decoded.add(Cimd2DecodeError.of(Cimd2DecodeError.Problem.MISSING_ETX,
                    "STX at byte " + length + " of a packet before its ETX", parser.packetNumber(packet, length)));
            start();
        } else if (b == Cimd2Framing.ETX) {
            packet[length++] = b;
            decoded.add(parser.parse(Arrays.copyOf(packet, length)));
            state = State.HUNTING;
        } else if (length >= limits.maxPacketBytes() - 1) {
            // No room left for the ETX: report once, then skip to the next STX.
            decoded.add(Cimd2DecodeError.of(Cimd2DecodeError.Problem.PACKET_TOO_LONG,
                    "no ETX within " + limits.maxPacketBytes() + " bytes", parser.packetNumber(packet, length)));
            state = State.HUNTING;
        } else {
            packet[length++] = b;
        }
    }

    private void start() {
        packet[0] = Cimd2Framing.STX;
        length = 1;
        state = State.READING;
    }
}
