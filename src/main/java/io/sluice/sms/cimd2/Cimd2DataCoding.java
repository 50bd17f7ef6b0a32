package io.sluice.sms.cimd2;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Data Coding Scheme parameter (030), a GSM 03.38 §4 octet written in decimal: which alphabet the
 * user data is in, and so where it travels in a CIMD2 packet: GSM 7-bit text in User Data (033), 8-bit
 * data and UCS-2 as hexadecimal in User Data Binary (034).
 */
public record Cimd2DataCoding(int value) {

    /** GSM 03.38 §4: general data coding, default alphabet, no message class (the SMSC default when 030 is absent). */
    public static final Cimd2DataCoding GSM_DEFAULT = new Cimd2DataCoding(0x00);
    /** General data coding, 8-bit data. */
    public static final Cimd2DataCoding EIGHT_BIT = new Cimd2DataCoding(0x04);
    /** General data coding, UCS-2 (big-endian UTF-16 code units). */
    public static final Cimd2DataCoding UCS2 = new Cimd2DataCoding(0x08);

    private static final int MAX_OCTET = 0xFF;
    private static final int GROUP_SHIFT = 4;
    private static final int GENERAL_GROUP_LIMIT = 0x07;
    private static final int ALPHABET_MASK = 0x0C;
    private static final int ALPHABET_SHIFT = 2;
    private static final int COMPRESSED_BIT = 0x20;
    private static final int CLASS_MEANING_BIT = 0x10;
    private static final int CLASS_MASK = 0x03;
    private static final int GROUP_WAITING_DISCARD = 0x0C;
    private static final int GROUP_WAITING_STORE = 0x0D;
    private static final int GROUP_WAITING_STORE_UCS2 = 0x0E;
    private static final int GROUP_DATA_CODING_CLASS = 0x0F;
    private static final int DATA_CODING_CLASS_8BIT = 0x04;

    /** The alphabet of the user data. */
    public enum Alphabet {
        GSM_7BIT, EIGHT_BIT, UCS2, RESERVED
    }

    public Cimd2DataCoding {
        if (value < 0 || value > MAX_OCTET) {
            throw new IllegalArgumentException("data coding scheme must be 0-255, got " + value);
        }
    }

    /** GSM 03.38 §4 coding groups. */
    public Alphabet alphabet() {
        int group = value >> GROUP_SHIFT;
        if (group <= GENERAL_GROUP_LIMIT) {
            // 00xx general data coding and 01xx automatic deletion share bits 3-2 as the alphabet.
            return Alphabet.values()[(value & ALPHABET_MASK) >> ALPHABET_SHIFT];
        }
        return switch (group) {
            case GROUP_WAITING_DISCARD, GROUP_WAITING_STORE -> Alphabet.GSM_7BIT;
            case GROUP_WAITING_STORE_UCS2 -> Alphabet.UCS2;
            case GROUP_DATA_CODING_CLASS -> (value & DATA_CODING_CLASS_8BIT) == 0 ? Alphabet.GSM_7BIT : Alphabet.EIGHT_BIT;
            default -> Alphabet.RESERVED;
        };
    }

    /** Whether the text is compressed (general data coding groups, bit 5); Sluice never compresses. */
    public boolean isCompressed() {
        return value >> GROUP_SHIFT <= GENERAL_GROUP_LIMIT && (value & COMPRESSED_BIT) != 0;
    }

    /** The message class 0-3 when the scheme gives one. */
    public Optional<Integer> messageClass() {
        int group = value >> GROUP_SHIFT;
        boolean hasClass = group == GROUP_DATA_CODING_CLASS
                || group <= GENERAL_GROUP_LIMIT && (value & CLASS_MEANING_BIT) != 0;
        return hasClass ? Optional.of(value & CLASS_MASK) : Optional.empty();
    }

    /** Whether the user data goes as text in User Data (033) rather than as hexadecimal in User Data Binary (034). */
    public boolean isText() {
        return alphabet() == Alphabet.GSM_7BIT && !isCompressed();
    }

    /** The text of User Data Binary octets when the alphabet is UCS-2; empty for 8-bit data and the rest. */
    public Optional<String> decodeBinary(byte[] octets) {
        return alphabet() == Alphabet.UCS2 && !isCompressed()
                ? Optional.of(new String(octets, StandardCharsets.UTF_16BE)) : Optional.empty();
    }
}
