package io.sluice.sms.cimd2;

/** The delimiters and fixed positions of a CIMD2 packet (CIMD Interface Specification §3.1). */
final class Cimd2Framing {

    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    static final byte TAB = 0x09;
    static final byte COLON = ':';
    /** Values are octets, read and written as ISO-8859-1 characters. */
    static final char MAX_OCTET = 0xFF;

    /** {@code STX O O : S S S TAB}: the operation code is at 1-2, the packet number at 4-6. */
    static final int HEADER_LENGTH = 8;
    static final int OPERATION_OFFSET = 1;
    static final int OPERATION_DIGITS = 2;
    static final int NUMBER_OFFSET = 4;
    static final int NUMBER_DIGITS = 3;
    static final int PARAMETER_CODE_DIGITS = 3;
    static final int CHECKSUM_DIGITS = 2;
    /** Packet numbers are three decimal digits but only 000-255 are used (§3.2). */
    static final int MAX_PACKET_NUMBER = 255;
    /** Operation codes are two decimal digits. */
    static final int MAX_OPERATION_CODE = 99;

    private Cimd2Framing() {
    }
}
