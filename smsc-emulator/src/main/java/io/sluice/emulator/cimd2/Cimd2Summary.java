package io.sluice.emulator.cimd2;

import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2ParameterException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A CIMD2 packet as a {@link TrafficRecord}: the operation as {@code command} (e.g. {@code submit_response}),
 * the packet number as {@code sequence}, the error code (900) as {@code status}, addresses and text; the
 * user identity of a login as {@code source}, never the password.
 */
final class Cimd2Summary {

    private Cimd2Summary() {
    }

    static TrafficRecord of(Instant time, String session, String direction, Cimd2Packet packet, String note) {
        String source = packet.value(Cimd2Parameter.ORIGINATING_ADDRESS)
                .or(() -> packet.value(Cimd2Parameter.ALPHANUMERIC_ORIGINATING_ADDRESS))
                .or(() -> packet.value(Cimd2Parameter.USER_IDENTITY)).orElse(null);
        return new TrafficRecord(time, session, direction, packet.operation().name().toLowerCase(Locale.ROOT),
                packet.packetNumber(), safely(() -> packet.integer(Cimd2Parameter.ERROR_CODE).orElse(0)).orElse(0),
                source, packet.value(Cimd2Parameter.DESTINATION_ADDRESS).orElse(null), text(packet).orElse(null), note);
    }

    /** Something that is not a packet of a known operation: {@code command} names what it was. */
    static TrafficRecord other(Instant time, String session, String command, int packetNumber, String note) {
        return new TrafficRecord(time, session, TrafficRecord.IN, command, packetNumber, 0, null, null, null, note);
    }

    private static Optional<String> text(Cimd2Packet packet) {
        return safely(() -> {
            Cimd2DataCoding coding = new Cimd2DataCoding(packet.integer(Cimd2Parameter.DATA_CODING_SCHEME).orElse(0));
            return coding.isText() ? packet.text(Cimd2Parameter.USER_DATA).orElse(null)
                    : packet.hex(Cimd2Parameter.USER_DATA_BINARY).flatMap(coding::decodeBinary).orElse(null);
        });
    }

    /** A malformed parameter is the request handler's to answer; the log just leaves the field out. */
    private static <T> Optional<T> safely(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (Cimd2ParameterException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
