package io.sluice.sms.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Cuts a text into SMS parts: one SMS without UDH when it fits (160 GSM / 70 UCS-2 units), otherwise
 * concatenated parts of 153 / 67 units, each with the 6-octet concatenation UDH of 3GPP TS 23.040
 * §9.2.3.24.1 (UDHL 05, IEI 00, length 03, reference, total, sequence). Parts are cut where
 * {@link SmsLength} counts them, never inside a GSM escape sequence or a surrogate pair.
 *
 * <h2>Handing the parts to camel-smpp (4.17, jsmpp 3.0.1)</h2>
 * Facts read in camel-smpp's {@code SmppSmCommand} / {@code SmppSubmitSmCommand} and jsmpp:
 * <ul>
 *   <li>camel-smpp always runs a splitter over the body, and there is no option to switch it off.
 *   Its default splitters decide on {@code body.length()} chars (a € counts 1 where the carrier
 *   bills 2) and cut the encoded bytes at fixed offsets (134 octets for UCS-2, which can part a
 *   surrogate pair; 153 for the default alphabet); its reference number is a JVM-wide counter.
 *   So it must be replaced: the {@code CamelSmppSplitter} header takes an
 *   {@code org.apache.camel.component.smpp.SmppSplitter} instance; a subclass whose
 *   {@code split(byte[])} ignores its argument and returns our {@link SmsPart#shortMessage()} arrays
 *   makes camel-smpp send exactly our parts, one {@code submit_sm} each, in order, in one exchange.
 *   When it returns more than one segment camel-smpp sets {@code esm_class} UDHI (0x40) itself.</li>
 *   <li>{@code CamelSmppSplittingPolicy} must be {@code ALLOW}: {@code REJECT} throws for any
 *   multi-segment result, {@code TRUNCATE} keeps only the first part. Our own limit
 *   ({@link TextTooLongException}) is checked before the exchange reaches camel-smpp.</li>
 *   <li>{@code CamelSmppDataCoding} = {@link SmsPart#dataCoding()} (0x00 or 0x08) sets
 *   {@code data_coding}; {@code CamelSmppAlphabet} is then only used by camel-smpp to encode the body
 *   for its splitter, which ours ignores, so set it to the same value. Without our splitter
 *   camel-smpp would encode a {@code data_coding} 0 body with the endpoint's {@code encoding}
 *   (ISO-8859-1 by default), not in GSM septets; only 8-bit data codings (0x04) pass a byte[] body
 *   through unchanged, and those would tell the handset the text is binary.</li>
 *   <li>{@code data_coding} 0x00 means "SMSC default alphabet" in SMPP 3.4 §5.2.19. We send unpacked
 *   GSM septets (one per octet, the form camel-smpp's own splitter assumes too); an SMSC configured
 *   for Latin-1 as default would show {@code @}, {@code £}, {@code è}... wrongly: a per-carrier setting.</li>
 *   <li>jsmpp accepts 0-254 {@code short_message} octets (ESME_RINVMSGLEN beyond); our largest part
 *   is 6 + 153 = 159 octets.</li>
 *   <li>If the exchange sends all parts, camel-smpp answers with a list of message ids in
 *   {@code CamelSmppId}; with {@code singleDLR} only the last part asks for a delivery receipt.</li>
 * </ul>
 *
 * <p>The reference must differ between consecutive concatenated messages to the same handset, or
 * the handset mixes their parts; it comes from the caller (for instance the low 8 bits of the ring
 * sequence, which keeps the same reference when a message is replayed), and only its low 8 bits are
 * used. A one-part text consumes no reference.
 */
public final class SmsSplitter {

    /** Most parts a concatenation UDH can number (TS 23.040 §9.2.3.24.1, one octet). */
    public static final int MAX_PARTS_LIMIT = 255;

    private final int maxParts;
    private final IntSupplier references;

    /**
     * @param maxParts most parts a text may take, 1..255
     * @param references source of concatenation reference numbers, asked once per multi-part text
     */
    public SmsSplitter(int maxParts, IntSupplier references) {
        if (maxParts < 1 || maxParts > MAX_PARTS_LIMIT) {
            throw new IllegalArgumentException("maxParts must be 1.." + MAX_PARTS_LIMIT + ", was " + maxParts);
        }
        this.maxParts = maxParts;
        this.references = references;
    }

    public int maxParts() {
        return maxParts;
    }

    /**
     * Splits a text, taking the reference (if needed) from the source given at construction.
     *
     * @throws TextTooLongException if it needs more than {@link #maxParts()} parts
     */
    public List<SmsPart> split(String text) {
        Segmentation segmentation = segment(text);
        int reference = segmentation.parts() > 1 ? references.getAsInt() : 0;
        return parts(text, segmentation, reference);
    }

    /**
     * Splits a text with a given reference (low 8 bits used), e.g. to resend a message with the
     * reference it had.
     *
     * @throws TextTooLongException if it needs more than {@link #maxParts()} parts
     */
    public List<SmsPart> split(String text, int reference) {
        return parts(text, segment(text), reference);
    }

    private Segmentation segment(String text) {
        Segmentation segmentation = Segmentation.of(text, SmsEncoding.choose(text));
        if (segmentation.parts() > maxParts) {
            throw new TextTooLongException(SmsLength.of(segmentation), maxParts);
        }
        return segmentation;
    }

    private static List<SmsPart> parts(String text, Segmentation segmentation, int reference) {
        SmsEncoding encoding = segmentation.encoding();
        int total = segmentation.parts();
        List<SmsPart> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String slice = text.substring(segmentation.start(i), segmentation.end(i));
            byte[] udh = total == 1
                    ? new byte[0]
                    : new Concatenation(reference & 0xFF, total, i + 1, false).toUdh();
            parts.add(new SmsPart(i + 1, total, encoding, udh, encoding.encode(slice), slice));
        }
        return List.copyOf(parts);
    }
}
