package io.sluice.sms.text;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SMS of a possibly concatenated text, ready for a submit: its UDH (empty for a one-part text),
 * its payload in the chosen encoding and the {@code data_coding} to send with it. For SMPP the
 * {@code short_message} is {@link #shortMessage()} and {@code esm_class} gets the UDHI bit (0x40)
 * exactly when {@link #hasUdh()}.
 *
 * @param sequence this part's number, from 1
 * @param total number of parts of the text
 * @param encoding encoding of the payload
 * @param udh the whole UDH, UDHL included, or no octets for a one-part text
 * @param payload unpacked GSM septets (one per octet) or UCS-2 big-endian code units
 * @param text the slice of the original text this part carries, for links that encode text their own
 *     way (CIMD2 user data) and for logs
 */
public record SmsPart(int sequence, int total, SmsEncoding encoding, byte[] udh, byte[] payload, String text) {

    public SmsPart {
        udh = udh.clone();
        payload = payload.clone();
    }

    @Override
    public byte[] udh() {
        return udh.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The SMPP {@code data_coding} / GSM DCS value: 0x00 GSM 7-bit, 0x08 UCS-2. */
    public byte dataCoding() {
        return encoding.dataCoding();
    }

    public boolean hasUdh() {
        return udh.length > 0;
    }

    /** UDH followed by payload: the SMPP {@code short_message} octets. */
    public byte[] shortMessage() {
        byte[] message = Arrays.copyOf(udh, udh.length + payload.length);
        System.arraycopy(payload, 0, message, udh.length, payload.length);
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsPart that && sequence == that.sequence && total == that.total
                && encoding == that.encoding && Arrays.equals(udh, that.udh)
                && Arrays.equals(payload, that.payload) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(udh) + Arrays.hashCode(payload)) + text.hashCode();
    }

    @Override
    public String toString() {
        return "SmsPart[" + sequence + "/" + total + " " + encoding + " udh=" + HexFormat.of().formatHex(udh)
                + " payload=" + HexFormat.of().formatHex(payload) + "]";
    }
}
