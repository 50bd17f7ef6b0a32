package io.sluice.sms.text;

/**
 * The concatenated-short-message information element of 3GPP TS 23.040 §9.2.3.24.1 (IEI 0x00, 8-bit
 * reference) and §9.2.3.24.8 (IEI 0x08, 16-bit reference): which message a part belongs to, how many
 * parts it has, and which one this is.
 *
 * @param reference the concatenated short message reference number, the same in every part
 * @param total maximum number of parts, 1..255
 * @param sequence this part's number, 1..total
 * @param sixteenBitReference whether the reference came in the 16-bit form (IEI 0x08)
 */
public record Concatenation(int reference, int total, int sequence, boolean sixteenBitReference) {

    /** IEI of the concatenation element with an 8-bit reference (§9.2.3.24.1). */
    public static final int IEI_8BIT_REFERENCE = 0x00;
    /** IEI of the concatenation element with a 16-bit reference (§9.2.3.24.8). */
    public static final int IEI_16BIT_REFERENCE = 0x08;
    /** Octets of a whole UDH holding only an 8-bit-reference concatenation element, UDHL included. */
    public static final int UDH_8BIT_LENGTH = 6;

    public Concatenation {
        if (total < 1 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + " of " + total + " is not a valid part");
        }
        if (reference < 0 || reference > (sixteenBitReference ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("reference " + reference + " does not fit its field");
        }
    }

    /** The whole UDH carrying only this element: UDHL, IEI, IE length, reference, total, sequence. */
    public byte[] toUdh() {
        if (sixteenBitReference) {
            return new byte[] {6, IEI_16BIT_REFERENCE, 4, (byte) (reference >> 8), (byte) reference,
                (byte) total, (byte) sequence};
        }
        return new byte[] {5, IEI_8BIT_REFERENCE, 3, (byte) reference, (byte) total, (byte) sequence};
    }
}
