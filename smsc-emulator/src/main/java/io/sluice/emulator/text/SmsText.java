package io.sluice.emulator.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns short_message octets into text and back, by data_coding (SMPP 3.4 §5.2.19).
 *
 * <p>data_coding 0, the "SMSC default alphabet", is whatever the SMSC says it is; the emulator uses a
 * configured charset, ISO-8859-1 by default because that is also camel-smpp's default
 * {@code encoding}. GSM 03.38 packing is not implemented yet.
 */
public final class SmsText {

    /** SMPP 3.4 §5.2.19: SMSC default alphabet. */
    public static final byte DCS_SMSC_DEFAULT = 0x00;
    /** SMPP 3.4 §5.2.19: IA5 (CCITT T.50) / ASCII. */
    public static final byte DCS_IA5 = 0x01;
    /** SMPP 3.4 §5.2.19: Latin 1 (ISO-8859-1). */
    public static final byte DCS_LATIN_1 = 0x03;
    /** SMPP 3.4 §5.2.19: UCS2 (ISO/IEC-10646), sent big-endian. */
    public static final byte DCS_UCS2 = 0x08;

    /** GSM 03.40 §9.2.3.24: TP-User-Data of one SMS holds at most 140 octets. */
    public static final int MAX_SINGLE_SMS_OCTETS = 140;

    private final Charset smscDefault;

    public SmsText(Charset smscDefault) {
        this.smscDefault = smscDefault;
    }

    /** The text the octets carry, or empty for a data_coding the emulator does not decode (binary, GSM 7-bit classes). */
    public Optional<String> decode(byte dataCoding, byte[] octets) {
        return charsetOf(dataCoding).map(charset -> new String(octets, charset));
    }

    /**
     * Encodes a text a phone sends: data_coding 0 when the SMSC default charset can carry it
     * (what camel-smpp decodes by default), else UCS2.
     */
    public Encoded encode(String text) {
        if (smscDefault.newEncoder().canEncode(text)) {
            return new Encoded(DCS_SMSC_DEFAULT, text.getBytes(smscDefault));
        }
        return new Encoded(DCS_UCS2, text.getBytes(StandardCharsets.UTF_16BE));
    }

    private Optional<Charset> charsetOf(byte dataCoding) {
        return switch (dataCoding) {
            case DCS_SMSC_DEFAULT -> Optional.of(smscDefault);
            case DCS_IA5 -> Optional.of(StandardCharsets.US_ASCII);
            case DCS_LATIN_1 -> Optional.of(StandardCharsets.ISO_8859_1);
            case DCS_UCS2 -> Optional.of(StandardCharsets.UTF_16BE);
            default -> Optional.empty();
        };
    }

    public static String hex(byte[] octets) {
        return HexFormat.of().withUpperCase().formatHex(octets);
    }

    /** Octets ready for short_message, with the data_coding that says how to read them. */
    public record Encoded(byte dataCoding, byte[] octets) {
    }
}
