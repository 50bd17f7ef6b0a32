package io.sluice.sms.text;

import java.util.Optional;

/**
 * The two alphabets Sluice sends text in (3GPP TS 23.038 §4, data coding scheme), with the part sizes
 * of TS 23.040 §9.2.3.24.1: a single SMS carries 140 octets of user data; a concatenated part loses 6
 * of them to the UDH (8-bit reference), leaving 153 septets (1120 bits less 48 bits of UDH and 1 fill
 * bit, divided by 7) or 67 UCS-2 code units.
 *
 * <p>UCS-2 units are UTF-16 code units: an emoji outside the Basic Multilingual Plane is a surrogate
 * pair and is billed as two characters, which is what handsets and SMSCs do in practice (they send
 * UTF-16 under the UCS-2 data coding).
 */
public enum SmsEncoding {
    /** GSM 7-bit default alphabet and extension table ({@link Gsm7}); data coding 0x00. */
    GSM7((byte) 0x00, 160, 153, "GSM"),
    /** UCS-2 big-endian (UTF-16 code units in practice, see the type comment); data coding 0x08. */
    UCS2((byte) 0x08, 70, 67, "UCS-2");

    private final byte dataCoding;
    private final int singlePartUnits;
    private final int concatenatedPartUnits;
    private final String label;

    SmsEncoding(byte dataCoding, int singlePartUnits, int concatenatedPartUnits, String label) {
        this.dataCoding = dataCoding;
        this.singlePartUnits = singlePartUnits;
        this.concatenatedPartUnits = concatenatedPartUnits;
        this.label = label;
    }

    /** GSM 7-bit when every character has a GSM code (extension table included), UCS-2 otherwise. */
    public static SmsEncoding choose(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM7 : UCS2;
    }

    /**
     * The encoding a received {@code data_coding} / DCS value denotes, if it is one of ours: 0x00 and
     * the message-class forms 0xF0-0xF3 (TS 23.038 §4, "data coding/message class", bit 2 clear) are
     * GSM 7-bit, 0x08 is UCS-2. SMPP gives 0x01-0x07 other meanings (IA5, Latin-1, binary...), so
     * those are left to the caller.
     */
    public static Optional<SmsEncoding> fromDataCoding(int dataCoding) {
        int value = dataCoding & 0xFF;
        if (value == 0x00 || (value & 0xFC) == 0xF0) {
            return Optional.of(GSM7);
        }
        return value == 0x08 ? Optional.of(UCS2) : Optional.empty();
    }

    /** The SMPP {@code data_coding} (and GSM DCS) value for a message in this encoding. */
    public byte dataCoding() {
        return dataCoding;
    }

    /** Units (septets or UTF-16 code units) a text may use and still go as one SMS without UDH. */
    public int singlePartUnits() {
        return singlePartUnits;
    }

    /** Units each part of a concatenated SMS carries beside its 6-octet concatenation UDH. */
    public int concatenatedPartUnits() {
        return concatenatedPartUnits;
    }

    /** How a user reads the unit: "GSM" or "UCS-2" characters. */
    public String label() {
        return label;
    }

    /**
     * Units the character at {@code index} costs together with the characters that must stay with it,
     * and which therefore never go to different parts: an extension character costs 2 septets; in
     * UCS-2 a surrogate pair is 2 units and one indivisible piece, any other char 1 unit.
     *
     * @return the cost in units; the number of chars of that piece is {@link #charsAt}
     */
    int unitsAt(CharSequence text, int index) {
        if (this == GSM7) {
            return Gsm7.septetsOf(text.charAt(index));
        }
        return charsAt(text, index);
    }

    /** Number of chars of the indivisible piece starting at {@code index}: 2 for a surrogate pair. */
    int charsAt(CharSequence text, int index) {
        if (this == UCS2 && Character.isHighSurrogate(text.charAt(index))
                && index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))) {
            return 2;
        }
        return 1;
    }

    /** Payload bytes: unpacked septets for GSM, big-endian code units for UCS-2. */
    public byte[] encode(CharSequence text) {
        if (this == GSM7) {
            return Gsm7.encodeUnpacked(text);
        }
        // Written out rather than String.getBytes(UTF_16BE), which would turn a lone surrogate into
        // '?': a unit count shown to the user must match the bytes sent.
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes[2 * i] = (byte) (c >> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return bytes;
    }

    /**
     * Text of payload bytes in this encoding.
     *
     * @throws IllegalArgumentException for an octet above 0x7F in GSM, or an odd number of UCS-2 octets
     */
    public String decode(byte[] payload) {
        if (this == GSM7) {
            return Gsm7.decodeUnpacked(payload);
        }
        if (payload.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "UCS-2 payload of " + payload.length + " octets is not a whole number of code units");
        }
        char[] chars = new char[payload.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((payload[2 * i] & 0xFF) << 8) | (payload[2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }
}
