package io.sluice.emulator.text;

import io.sluice.emulator.DefaultAlphabet;
import io.sluice.sms.text.Gsm7;
import io.sluice.sms.text.SmsEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns short_message octets into text and back, by data_coding (SMPP 3.4 §5.2.19).
 *
 * <p>data_coding 0, the "SMSC default alphabet", is whatever the SMSC says it is: GSM 03.38 unpacked
 * septets by default (what Sluice's edge sends, decoded with Sluice's own {@code io.sluice.sms.text}),
 * or a configured charset such as ISO-8859-1, camel-smpp's default {@code encoding}.
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

    private final DefaultAlphabet defaultAlphabet;
    private final Charset smscDefault;

    public SmsText(DefaultAlphabet defaultAlphabet, Charset smscDefault) {
        this.defaultAlphabet = defaultAlphabet;
        this.smscDefault = smscDefault;
    }

    /** data_coding 0 read as {@code smscDefault}. */
    public SmsText(Charset smscDefault) {
        this(DefaultAlphabet.CHARSET, smscDefault);
    }

    public DefaultAlphabet defaultAlphabet() {
        return defaultAlphabet;
    }

    /**
     * The text the octets carry, or empty for a data_coding the emulator does not decode (binary, GSM
     * message classes) or octets that are not valid in it (above 0x7F as GSM septets, say).
     */
    public Optional<String> decode(byte dataCoding, byte[] octets) {
        if (dataCoding == DCS_SMSC_DEFAULT && defaultAlphabet == DefaultAlphabet.GSM) {
            try {
                return Optional.of(SmsEncoding.GSM7.decode(octets));
            } catch (IllegalArgumentException notSeptets) {
                return Optional.empty();
            }
        }
        return charsetOf(dataCoding).map(charset -> new String(octets, charset));
    }

    /**
     * Encodes a text a phone sends as one SMS: data_coding 0 when the SMSC default alphabet can carry
     * it, else UCS2.
     */
    public Encoded encode(String text) {
        if (defaultAlphabet == DefaultAlphabet.GSM) {
            return Gsm7.canEncode(text)
                    ? new Encoded(DCS_SMSC_DEFAULT, SmsEncoding.GSM7.encode(text))
                    : new Encoded(DCS_UCS2, SmsEncoding.UCS2.encode(text));
        }
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
