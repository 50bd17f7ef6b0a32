package io.sluice.sms.text;

/**
 * Which concatenated message an MO part belongs to (3GPP TS 23.040 §9.2.3.24.1, §9.2.3.24.8): parts
 * with the same originator, reference, total and reference width are joined. {@link #id()} names the
 * group in one string, e.g. for a message property that finds a stored group's parts again.
 *
 * @param originator the sender's address
 * @param reference the concatenation reference
 * @param total parts the message announced
 * @param sixteenBitReference whether the reference came in the 16-bit form (IEI 0x08)
 */
public record MoGroup(String originator, int reference, int total, boolean sixteenBitReference) {

    public static MoGroup of(String originator, Concatenation concatenation) {
        return new MoGroup(originator, concatenation.reference(), concatenation.total(),
                concatenation.sixteenBitReference());
    }

    /** A stable name of the group: {@code <originator>/<reference>/<total>/<8|16>}. */
    public String id() {
        return originator + "/" + reference + "/" + total + "/" + (sixteenBitReference ? 16 : 8);
    }
}
