package io.sluice.sms.text;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet of 3GPP TS 23.038 §6.2.1 with its extension table (§6.2.1.1),
 * without national language shift tables (§6.2.1.2): the alphabet every handset decodes.
 *
 * <p>Two byte forms exist. <em>Unpacked</em> septets (one septet per octet, values 0x00-0x7F) are what
 * SMPP carries in {@code short_message} with {@code data_coding} 0x00 when the SMSC's default alphabet
 * is GSM; the SMSC packs them for the air interface. <em>Packed</em> septets (§6.1.2.1.1, eight
 * septets in seven octets, least significant bit first) are the air-interface form, offered for
 * completeness and for links that carry TP-User-Data as is.
 *
 * <p>An extension character (€, [, ], {, }, \, ^, ~, | and form feed) is the escape septet 0x1B
 * followed by its extension code, so it costs two septets: the carrier bills it as two characters.
 * Mapping is strict: no look-alike substitution (Greek capital Alpha is not turned into Latin A, ç is
 * not turned into Ç), so what the recipient sees is what was sent; a text with any other character
 * goes out as UCS-2 instead (see {@link SmsEncoding#choose}).
 */
public final class Gsm7 {

    /** The escape septet to the extension table (§6.2.1, code 0x1B). */
    public static final int ESCAPE = 0x1B;

    /**
     * The default alphabet, indexed by septet. Index 0x1B is the escape and is never produced from or
     * decoded to a character of its own. Position 0x09 is capital Ç, as in the Unicode mapping of the
     * table; small ç has no code of its own.
     */
    private static final String DEFAULT_ALPHABET =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Extension table (§6.2.1.1): code after the escape → character. */
    private static final char[][] EXTENSION_TABLE = {
        {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
        {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'},
    };

    private static final Map<Character, Integer> BASIC_CODES = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_CODES = new HashMap<>();
    private static final char[] EXTENSION_CHARS = new char[128];

    static {
        for (int septet = 0; septet < DEFAULT_ALPHABET.length(); septet++) {
            if (septet != ESCAPE) {
                BASIC_CODES.put(DEFAULT_ALPHABET.charAt(septet), septet);
            }
        }
        for (char[] entry : EXTENSION_TABLE) {
            EXTENSION_CODES.put(entry[1], (int) entry[0]);
            EXTENSION_CHARS[entry[0]] = entry[1];
        }
    }

    private Gsm7() {
    }

    /** Whether every character of the text is in the default alphabet or its extension table. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septetsOf(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Septets one character costs: 1 in the default alphabet, 2 in the extension table (escape +
     * code), 0 if it has no GSM 7-bit code at all (a surrogate half of an emoji, lowercase Greek...).
     */
    public static int septetsOf(char c) {
        if (BASIC_CODES.containsKey(c)) {
            return 1;
        }
        return EXTENSION_CODES.containsKey(c) ? 2 : 0;
    }

    /**
     * Length of the text in septets, which is what the carrier bills.
     *
     * @throws IllegalArgumentException if a character has no GSM 7-bit code
     */
    public static int septetCount(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = septetsOf(text.charAt(i));
            if (cost == 0) {
                throw notEncodable(text, i);
            }
            septets += cost;
        }
        return septets;
    }

    /**
     * Encodes to unpacked septets, one per octet (the SMPP {@code data_coding} 0x00 form).
     *
     * @throws IllegalArgumentException if a character has no GSM 7-bit code
     */
    public static byte[] encodeUnpacked(CharSequence text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = BASIC_CODES.get(c);
            if (basic != null) {
                septets.write(basic);
                continue;
            }
            Integer extension = EXTENSION_CODES.get(c);
            if (extension == null) {
                throw notEncodable(text, i);
            }
            septets.write(ESCAPE);
            septets.write(extension);
        }
        return septets.toByteArray();
    }

    /**
     * Decodes unpacked septets. An escape followed by a code missing from the extension table shows
     * the default-alphabet character of that code, as §6.2.1.1 tells a receiver to; an escape followed
     * by another escape (reserved for a further table) or ending the text shows a space.
     *
     * @throws IllegalArgumentException if an octet is above 0x7F, so it cannot be a septet
     */
    public static String decodeUnpacked(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septet(septets, i);
            if (septet != ESCAPE) {
                text.append(DEFAULT_ALPHABET.charAt(septet));
                continue;
            }
            if (i + 1 == septets.length) {
                text.append(' ');
                break;
            }
            int code = septet(septets, ++i);
            if (code == ESCAPE) {
                text.append(' ');
            } else if (EXTENSION_CHARS[code] != 0) {
                text.append(EXTENSION_CHARS[code]);
            } else {
                text.append(DEFAULT_ALPHABET.charAt(code));
            }
        }
        return text.toString();
    }

    /**
     * Packs septets eight into seven octets, least significant bit first (§6.1.2.1.1). The receiver
     * needs the septet count as well: seven spare bits at the end are indistinguishable from a
     * trailing {@code @} (septet 0x00).
     */
    public static byte[] pack(byte[] septets) {
        byte[] packed = new byte[(septets.length * 7 + 7) / 8];
        for (int i = 0; i < septets.length; i++) {
            int septet = septet(septets, i);
            int bit = i * 7;
            int octet = bit / 8;
            int shift = bit % 8;
            packed[octet] |= (byte) (septet << shift);
            if (shift > 1) {
                packed[octet + 1] |= (byte) (septet >> (8 - shift));
            }
        }
        return packed;
    }

    /** Unpacks {@code septetCount} septets from packed octets (inverse of {@link #pack}). */
    public static byte[] unpack(byte[] packed, int septetCount) {
        if (septetCount < 0 || (septetCount * 7 + 7) / 8 > packed.length) {
            throw new IllegalArgumentException(
                    septetCount + " septets do not fit in " + packed.length + " packed octets");
        }
        byte[] septets = new byte[septetCount];
        for (int i = 0; i < septetCount; i++) {
            int bit = i * 7;
            int octet = bit / 8;
            int shift = bit % 8;
            int value = (packed[octet] & 0xFF) >> shift;
            if (shift > 1) {
                value |= (packed[octet + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }

    private static int septet(byte[] septets, int index) {
        int value = septets[index] & 0xFF;
        if (value > 0x7F) {
            throw new IllegalArgumentException(String.format(
                    "octet 0x%02X at index %d is not a GSM 7-bit septet", value, index));
        }
        return value;
    }

    private static IllegalArgumentException notEncodable(CharSequence text, int index) {
        return new IllegalArgumentException(String.format(
                "U+%04X at index %d has no GSM 7-bit code", (int) text.charAt(index), index));
    }
}
