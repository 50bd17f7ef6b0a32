package io.sluice.sms.cimd2;

import java.util.OptionalInt;

/**
 * A stretch of input between STX and ETX (or the next STX) that is not a packet. The decoder has
 * consumed it and is in sync again; the session decides how to answer.
 *
 * @param problem what was wrong
 * @param detail the same for people, e.g. for the log
 * @param packetNumber the packet number from the header when it could be read, so that a NACK or a
 *     general error response can carry it
 */
public record Cimd2DecodeError(Problem problem, String detail, OptionalInt packetNumber) implements Cimd2Decoded {

    /** Named decode errors. */
    public enum Problem {
        /** Not {@code OO:SSS} followed by a TAB, or a packet number above 255 (§3.1, §3.2). */
        MALFORMED_HEADER(Cimd2ErrorCode.SYNTAX_ERROR),
        /** A parameter that is not {@code PPP:value} (§3.1). */
        MALFORMED_PARAMETER(Cimd2ErrorCode.SYNTAX_ERROR),
        /** A parameter value longer than the decoder's limit. */
        PARAMETER_TOO_LONG(Cimd2ErrorCode.PARAMETER_FORMATTING_ERROR),
        /** No ETX within the decoder's packet length limit; the rest up to the next STX was skipped. */
        PACKET_TOO_LONG(Cimd2ErrorCode.SYNTAX_ERROR),
        /** A new STX arrived before the ETX of the packet being read. */
        MISSING_ETX(Cimd2ErrorCode.SYNTAX_ERROR),
        /** Something other than nothing or two hexadecimal digits between the last TAB and the ETX (§3.3). */
        MALFORMED_CHECKSUM(Cimd2ErrorCode.SYNTAX_ERROR),
        /** No checksum although the policy requires one. */
        CHECKSUM_MISSING(Cimd2ErrorCode.SYNTAX_ERROR),
        /** The checksum does not match the packet (§3.3): answered with NACK, the sender retransmits. */
        CHECKSUM_MISMATCH(Cimd2ErrorCode.SYNTAX_ERROR);

        private final Cimd2ErrorCode errorCode;

        Problem(Cimd2ErrorCode errorCode) {
            this.errorCode = errorCode;
        }

        /** The error code (900) for a general error response answering such a packet. */
        public Cimd2ErrorCode errorCode() {
            return errorCode;
        }

        /** Whether the packet may have been damaged in transit, so that a NACK asking for it again fits (§4.13). */
        public boolean isTransmissionError() {
            return this == CHECKSUM_MISMATCH || this == CHECKSUM_MISSING || this == MISSING_ETX;
        }
    }

    static Cimd2DecodeError of(Problem problem, String detail, int packetNumberOrNegative) {
        return new Cimd2DecodeError(problem, detail,
                packetNumberOrNegative < 0 ? OptionalInt.empty() : OptionalInt.of(packetNumberOrNegative));
    }
}
