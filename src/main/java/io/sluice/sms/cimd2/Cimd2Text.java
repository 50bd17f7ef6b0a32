package io.sluice.sms.cimd2;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The User Data parameter's text (CIMD Interface Specification §8.1, "Default character conversion"):
 * the GSM 03.38 default alphabet written in printable ASCII, characters that ASCII lacks as a special
 * combination of an underscore and two characters ({@code _a"} is ä, {@code _gd} is Δ, {@code _--} the
 * underscore itself), and the GSM 03.38 extension table (€, [, ], {, }, \, ^, ~, |, form feed) as the
 * reserved combination {@code _XX} followed by the base character (€ is {@code _XXe}, ^ is {@code _XX_gl}).
 *
 * <p>{@link #encode} writes only 7-bit ASCII, which every link carries. {@link #decode} also accepts the
 * ISO-8859-1 characters an 8-bit link may carry as they are (§8.1 example "over 8-bit wide link"), the
 * single characters the default conversion maps ({@code ]} is Å, {@code }} is å), and keeps an unknown
 * combination as written, as receivers commonly do.
 */
public final class Cimd2Text {

    private static final int ALPHABET_SIZE = 128;
    /** GSM 03.38 code 0x1B: escape to the extension table. */
    private static final int ESCAPE = 0x1B;
    private static final char UNDERSCORE = '_';
    private static final int COMBINATION_LENGTH = 3;
    /** GSM 03.38 §6.2.1: an escape the receiver cannot resolve is shown as a space. */
    private static final char UNRESOLVED_ESCAPE = ' ';
    private static final int NO_CODE = -1;

    /** GSM 03.38 §6.2.1 default alphabet by code; position 0x1B (escape) holds no character. */
    private static final String DEFAULT_ALPHABET =
            "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u0000\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    /** GSM 03.38 §6.2.1.1 extension table: the code after the escape, and the character it stands for. */
    private static final Map<Integer, Character> EXTENSION = Map.of(
            0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}', 0x2F, '\\',
            0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '\u20AC');

    /** §8.1 special combinations: GSM code to the two characters after the underscore. */
    private static final Map<Integer, String> COMBINATIONS = Map.ofEntries(
            Map.entry(0x00, "Oa"), Map.entry(0x01, "L-"), Map.entry(0x03, "Y-"), Map.entry(0x04, "e`"),
            Map.entry(0x05, "e'"), Map.entry(0x06, "u`"), Map.entry(0x07, "i`"), Map.entry(0x08, "o`"),
            Map.entry(0x09, "C,"), Map.entry(0x0B, "O/"), Map.entry(0x0C, "o/"), Map.entry(0x0E, "A*"),
            Map.entry(0x0F, "a*"), Map.entry(0x10, "gd"), Map.entry(0x11, "--"), Map.entry(0x12, "gf"),
            Map.entry(0x13, "gg"), Map.entry(0x14, "gl"), Map.entry(0x15, "go"), Map.entry(0x16, "gp"),
            Map.entry(0x17, "gi"), Map.entry(0x18, "gs"), Map.entry(0x19, "gt"), Map.entry(0x1A, "gx"),
            Map.entry(ESCAPE, "XX"), Map.entry(0x1C, "AE"), Map.entry(0x1D, "ae"), Map.entry(0x1E, "ss"),
            Map.entry(0x1F, "E'"), Map.entry(0x22, "qq"), Map.entry(0x24, "ox"), Map.entry(0x40, "!!"),
            Map.entry(0x5B, "A\""), Map.entry(0x5C, "O\""), Map.entry(0x5D, "N~"), Map.entry(0x5E, "U\""),
            Map.entry(0x5F, "so"), Map.entry(0x60, "??"), Map.entry(0x7B, "a\""), Map.entry(0x7C, "o\""),
            Map.entry(0x7D, "n~"), Map.entry(0x7E, "u\""), Map.entry(0x7F, "a`"));

    /** §8.1 single characters that stand for a different GSM character than their ASCII code suggests. */
    private static final Map<Character, Integer> MAPPED_SINGLES = Map.of('@', 0x00, '$', 0x02, ']', 0x0E, '}', 0x0F);

    private static final Map<String, Integer> CODE_BY_COMBINATION = new HashMap<>();
    /** GSM code of a character as it may appear on the wire by itself (ASCII or ISO-8859-1), or NO_CODE. */
    private static final int[] CODE_BY_LITERAL = new int[Cimd2Framing.MAX_OCTET + 1];
    private static final Map<Character, String> ENCODED = new HashMap<>();

    static {
        COMBINATIONS.forEach((code, pair) -> CODE_BY_COMBINATION.put(pair, code));
        Arrays.fill(CODE_BY_LITERAL, NO_CODE);
        for (int code = 0; code < ALPHABET_SIZE; code++) {
            char c = DEFAULT_ALPHABET.charAt(code);
            if (code != ESCAPE && c <= Cimd2Framing.MAX_OCTET && c != UNDERSCORE) {
                CODE_BY_LITERAL[c] = code;
            }
        }
        // ASCII characters GSM puts elsewhere (e.g. [ and {) stand for nothing by themselves, except the
        // four the default conversion maps explicitly.
        MAPPED_SINGLES.forEach((c, code) -> CODE_BY_LITERAL[c] = code);
        for (int code = 0; code < ALPHABET_SIZE; code++) {
            if (code != ESCAPE) {
                ENCODED.put(DEFAULT_ALPHABET.charAt(code), encodeCode(code));
            }
        }
        EXTENSION.forEach((code, c) -> ENCODED.put(c, UNDERSCORE + COMBINATIONS.get(ESCAPE) + encodeCode(code)));
    }

    private Cimd2Text() {
    }

    /** How a GSM code is written: printable ASCII meaning itself as such, anything else as its combination. */
    private static String encodeCode(int code) {
        char c = DEFAULT_ALPHABET.charAt(code);
        boolean plainAscii = (c >= ' ' && c <= '~' || c == '\n' || c == '\r') && CODE_BY_LITERAL[c] == code
                && c != '@'; // Kannel, the common peer, writes @ as _Oa; both decode alike
        return plainAscii ? String.valueOf(c) : UNDERSCORE + COMBINATIONS.get(code);
    }

    /** Whether every character of {@code text} is in the GSM 03.38 default alphabet or its extension table. */
    public static boolean canEncode(String text) {
        return text.chars().allMatch(c -> ENCODED.containsKey((char) c));
    }

    /**
     * The User Data value for {@code text}, in 7-bit ASCII.
     *
     * @throws IllegalArgumentException for a character outside GSM 03.38 (such text goes as UCS-2 in User
     *     Data Binary, with data coding scheme 8)
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            String encoded = ENCODED.get(text.charAt(i));
            if (encoded == null) {
                throw new IllegalArgumentException(String.format(
                        "character U+%04X at %d is not in the GSM 03.38 alphabet", (int) text.charAt(i), i));
            }
            out.append(encoded);
        }
        return out.toString();
    }

    /** The text a User Data value stands for. Never fails: what cannot be resolved is kept as written. */
    public static String decode(String userData) {
        StringBuilder out = new StringBuilder(userData.length());
        int position = 0;
        while (position < userData.length()) {
            Token token = Token.at(userData, position);
            position += token.length();
            if (token.code() != ESCAPE) {
                out.append(token.character());
            } else if (position < userData.length()) {
                Token escaped = Token.at(userData, position);
                position += escaped.length();
                out.append(escaped.extended());
            } else {
                out.append(UNRESOLVED_ESCAPE);
            }
        }
        return out.toString();
    }

    /** GSM 03.38 septets {@code text} takes: two for an extension character, one for any other. */
    public static int septets(String text) {
        return text.chars().map(c -> EXTENSION.containsValue((char) c) ? 2 : 1).sum();
    }

    /** One character or special combination of a User Data value. */
    private record Token(int code, char literal, int length) {

        static Token at(String value, int position) {
            if (value.charAt(position) == UNDERSCORE && position + COMBINATION_LENGTH <= value.length()) {
                Integer code = CODE_BY_COMBINATION.get(value.substring(position + 1, position + COMBINATION_LENGTH));
                if (code != null) {
                    return new Token(code, UNDERSCORE, COMBINATION_LENGTH);
                }
            }
            char c = value.charAt(position);
            return new Token(c <= Cimd2Framing.MAX_OCTET ? CODE_BY_LITERAL[c] : NO_CODE, c, 1);
        }

        char character() {
            return code == NO_CODE ? literal : DEFAULT_ALPHABET.charAt(code);
        }

        /** GSM 03.38 §6.2.1.1: after an escape; a code without extension character shows its default one. */
        char extended() {
            if (code == NO_CODE) {
                return literal;
            }
            if (code == ESCAPE) {
                return UNRESOLVED_ESCAPE;
            }
            return EXTENSION.getOrDefault(code, DEFAULT_ALPHABET.charAt(code));
        }
    }
}
