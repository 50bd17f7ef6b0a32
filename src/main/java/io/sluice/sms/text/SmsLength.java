package io.sluice.sms.text;

/**
 * The numbers a chat page shows next to the text box, equal to what the carrier bills: the encoding
 * the text will go in, how many SMS parts it takes, how many units (GSM septets, or UCS-2 / UTF-16
 * code units) it uses, and how many more fit before another part is needed.
 *
 * <p>Counts follow 3GPP TS 23.038 (an extension character is two septets) and the part sizes of
 * TS 23.040 §9.2.3.24.1: 160 GSM / 70 UCS-2 in a single SMS, 153 / 67 per concatenated part. Parts
 * are counted where {@link SmsSplitter} actually cuts, so an extension character or an emoji that
 * would straddle a boundary moves whole to the next part and the count says so.
 *
 * @param encoding the encoding the text goes in ({@link SmsEncoding#choose})
 * @param parts number of SMS parts, at least 1 (an empty text is one empty SMS)
 * @param unitsUsed units the whole text costs
 * @param unitsLeftInPart units still free in the last part before one more part is needed
 */
public record SmsLength(SmsEncoding encoding, int parts, int unitsUsed, int unitsLeftInPart) {

    /** Counts for a text in the encoding it would be sent in. */
    public static SmsLength of(CharSequence text) {
        return of(Segmentation.of(text, SmsEncoding.choose(text)));
    }

    static SmsLength of(Segmentation segmentation) {
        return new SmsLength(segmentation.encoding(), segmentation.parts(), segmentation.totalUnits(),
                segmentation.unitsLeftInLastPart());
    }
}
