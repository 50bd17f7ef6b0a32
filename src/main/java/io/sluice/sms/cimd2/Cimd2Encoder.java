package io.sluice.sms.cimd2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes packets (CIMD Interface Specification §3.1): {@code STX OO:SSS TAB}, then {@code PPP:value TAB}
 * per parameter in order, the checksum of §3.3 when enabled, and ETX. Stateless and thread-safe.
 */
public final class Cimd2Encoder {

    private final boolean withChecksum;

    /** @param withChecksum whether to append the optional §3.3 checksum */
    public Cimd2Encoder(boolean withChecksum) {
        this.withChecksum = withChecksum;
    }

    public byte[] encode(Cimd2Packet packet) {
        return encode(packet.operation().code(), packet.packetNumber(), packet.fields());
    }

    /** Any operation code, for tests and for answering with codes this codec does not know. */
    public byte[] encode(int operationCode, int packetNumber, List<Cimd2Field> fields) {
        if (operationCode < 0 || operationCode > Cimd2Framing.MAX_OPERATION_CODE) {
            throw new IllegalArgumentException("operation code must be 00-99, got " + operationCode);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Cimd2Framing.STX);
        write(out, String.format(Locale.ROOT, "%02d:%03d", operationCode, packetNumber));
        out.write(Cimd2Framing.TAB);
        for (Cimd2Field field : fields) {
            write(out, String.format(Locale.ROOT, "%03d:", field.code()));
            write(out, field.value());
            out.write(Cimd2Framing.TAB);
        }
        if (withChecksum) {
            byte[] sofar = out.toByteArray();
            write(out, Cimd2Checksum.format(Cimd2Checksum.of(sofar, 0, sofar.length - 1)));
        }
        out.write(Cimd2Framing.ETX);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
