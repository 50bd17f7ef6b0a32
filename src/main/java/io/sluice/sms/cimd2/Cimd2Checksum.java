package io.sluice.sms.cimd2;

import java.util.Locale;

/**
 * The optional CIMD2 checksum (CIMD Interface Specification §3.3): the sum of every octet from the STX
 * through the TAB after the last parameter, modulo 256, written as two upper-case hexadecimal digits
 * between that TAB and the ETX.
 */
public final class Cimd2Checksum {

    private static final int MODULO_MASK = 0xFF;

    private Cimd2Checksum() {
    }

    /** The checksum of {@code octets[from..toInclusive]}. */
    public static int of(byte[] octets, int from, int toInclusive) {
        int sum = 0;
        for (int i = from; i <= toInclusive; i++) {
            sum = (sum + (octets[i] & 0xFF)) & MODULO_MASK;
        }
        return sum;
    }

    /** The two characters written on the wire. */
    public static String format(int checksum) {
        return String.format(Locale.ROOT, "%02X", checksum & MODULO_MASK);
    }
}
