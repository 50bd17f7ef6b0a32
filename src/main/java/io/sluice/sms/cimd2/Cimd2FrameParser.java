package io.sluice.sms.cimd2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one complete STX..ETX frame (CIMD Interface Specification §3.1-3.3): header, parameters,
 * optional checksum. Every problem becomes a {@link Cimd2DecodeError}; nothing is thrown.
 */
final class Cimd2FrameParser {

    private static final int NO_NUMBER = -1;
    private static final int DECIMAL = 10;
    private static final int HEXADECIMAL = 16;

    private final int maxParameterBytes;
    private final Cimd2ChecksumPolicy checksumPolicy;

    Cimd2FrameParser(int maxParameterBytes, Cimd2ChecksumPolicy checksumPolicy) {
        this.maxParameterBytes = maxParameterBytes;
        this.checksumPolicy = checksumPolicy;
    }

    /** @param frame STX first, ETX last */
    Cimd2Decoded parse(byte[] frame) {
        int etx = frame.length - 1;
        int number = packetNumber(frame, etx);
        int operation = digits(frame, Cimd2Framing.OPERATION_OFFSET, Cimd2Framing.OPERATION_DIGITS, DECIMAL);
        if (etx < Cimd2Framing.HEADER_LENGTH || operation < 0 || frame[Cimd2Framing.NUMBER_OFFSET - 1] != Cimd2Framing.COLON
                || number < 0 || frame[Cimd2Framing.HEADER_LENGTH - 1] != Cimd2Framing.TAB) {
            return Cimd2DecodeError.of(Cimd2DecodeError.Problem.MALFORMED_HEADER,
                    "header is not OO:SSS (packet number 000-255) followed by TAB", number);
        }
        int lastTab = lastTab(frame, etx);
        Cimd2DecodeError checksumError = checkChecksum(frame, lastTab, etx, number);
        if (checksumError != null) {
            return checksumError;
        }
        List<Cimd2Field> fields = new ArrayList<>();
        int start = Cimd2Framing.HEADER_LENGTH;
        while (start < lastTab + 1) {
            int end = nextTab(frame, start);
            Cimd2Decoded problem = field(frame, start, end, number, fields);
            if (problem != null) {
                return problem;
            }
            start = end + 1;
        }
        return Cimd2Operation.of(operation)
                .<Cimd2Decoded>map(known -> new Cimd2Packet(known, number, fields))
                .orElseGet(() -> new Cimd2UnknownOperation(operation, number, fields));
    }

    /** The packet number of a (possibly partial) packet when its header has one, else -1. */
    int packetNumber(byte[] frame, int length) {
        if (length < Cimd2Framing.NUMBER_OFFSET + Cimd2Framing.NUMBER_DIGITS) {
            return NO_NUMBER;
        }
        int number = digits(frame, Cimd2Framing.NUMBER_OFFSET, Cimd2Framing.NUMBER_DIGITS, DECIMAL);
        return number > Cimd2Framing.MAX_PACKET_NUMBER ? NO_NUMBER : number;
    }

    private Cimd2DecodeError checkChecksum(byte[] frame, int lastTab, int etx, int number) {
        int trailer = etx - lastTab - 1;
        if (trailer == 0) {
            return checksumPolicy == Cimd2ChecksumPolicy.REQUIRE
                    ? Cimd2DecodeError.of(Cimd2DecodeError.Problem.CHECKSUM_MISSING, "no checksum before ETX", number)
                    : null;
        }
        int given = trailer == Cimd2Framing.CHECKSUM_DIGITS
                ? digits(frame, lastTab + 1, Cimd2Framing.CHECKSUM_DIGITS, HEXADECIMAL) : NO_NUMBER;
        if (given < 0) {
            return Cimd2DecodeError.of(Cimd2DecodeError.Problem.MALFORMED_CHECKSUM,
                    "expected TAB, an optional two-digit hexadecimal checksum and ETX after the last parameter", number);
        }
        int computed = Cimd2Checksum.of(frame, 0, lastTab);
        if (checksumPolicy != Cimd2ChecksumPolicy.IGNORE && given != computed) {
            return Cimd2DecodeError.of(Cimd2DecodeError.Problem.CHECKSUM_MISMATCH, "checksum "
                    + Cimd2Checksum.format(given) + " but the packet sums to " + Cimd2Checksum.format(computed), number);
        }
        return null;
    }

    /** Adds the field {@code frame[start..end)} or returns why it is not one. */
    private Cimd2DecodeError field(byte[] frame, int start, int end, int number, List<Cimd2Field> fields) {
        int colon = start + Cimd2Framing.PARAMETER_CODE_DIGITS;
        int code = end > colon ? digits(frame, start, Cimd2Framing.PARAMETER_CODE_DIGITS, DECIMAL) : NO_NUMBER;
        if (code < 0 || frame[colon] != Cimd2Framing.COLON) {
            return Cimd2DecodeError.of(Cimd2DecodeError.Problem.MALFORMED_PARAMETER,
                    "parameter at byte " + start + " is not PPP:value", number);
        }
        int valueLength = end - colon - 1;
        if (valueLength > maxParameterBytes) {
            return Cimd2DecodeError.of(Cimd2DecodeError.Problem.PARAMETER_TOO_LONG, String.format(
                    "parameter %03d has %d bytes, at most %d accepted", code, valueLength, maxParameterBytes), number);
        }
        fields.add(new Cimd2Field(code, new String(frame, colon + 1, valueLength, StandardCharsets.ISO_8859_1)));
        return null;
    }

    /** The last TAB before {@code etx}; the header's TAB at least, once the header is known good. */
    private static int lastTab(byte[] frame, int etx) {
        int position = etx - 1;
        while (frame[position] != Cimd2Framing.TAB) {
            position--;
        }
        return position;
    }

    private static int nextTab(byte[] frame, int from) {
        int position = from;
        while (frame[position] != Cimd2Framing.TAB) {
            position++;
        }
        return position;
    }

    /** The value of {@code count} digits at {@code offset}, or -1 when one is not a digit of {@code radix}. */
    private static int digits(byte[] frame, int offset, int count, int radix) {
        if (offset + count > frame.length) {
            return NO_NUMBER;
        }
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = Character.digit((char) (frame[i] & 0xFF), radix);
            if (digit < 0 || frame[i] < 0) {
                return NO_NUMBER;
            }
            value = value * radix + digit;
        }
        return value;
    }
}
