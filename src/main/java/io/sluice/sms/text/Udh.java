package io.sluice.sms.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A parsed User Data Header (3GPP TS 23.040 §9.2.3.24): the information elements at the start of a
 * {@code short_message} whose {@code esm_class} has the UDHI bit (0x40) set. Elements other than
 * concatenation (port addressing, national language shifts...) are kept but not interpreted.
 *
 * @param elements information elements in the order received
 * @param length octets the header takes at the start of the message, UDHL included; the payload
 *     starts there
 */
public record Udh(List<InformationElement> elements, int length) {

    /** One information element: identifier and data (§9.2.3.24, IEI / IEIDL / IED). */
    public record InformationElement(int identifier, byte[] data) {

        public InformationElement {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InformationElement that
                    && identifier == that.identifier && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * identifier + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("IE[0x%02X %s]", identifier, HexFormat.of().formatHex(data));
        }
    }

    public Udh {
        elements = List.copyOf(elements);
    }

    /**
     * Parses the UDH at the start of a {@code short_message}.
     *
     * @throws MalformedUdhException if the header's lengths do not fit the message
     */
    public static Udh parse(byte[] shortMessage) {
        if (shortMessage.length == 0) {
            throw new MalformedUdhException("UDHI is set but the message is empty");
        }
        int udhl = shortMessage[0] & 0xFF;
        int end = 1 + udhl;
        if (end > shortMessage.length) {
            throw new MalformedUdhException("UDHL " + udhl + " runs past the " + shortMessage.length
                    + "-octet message");
        }
        List<InformationElement> elements = new ArrayList<>();
        int at = 1;
        while (at < end) {
            if (at + 2 > end) {
                throw new MalformedUdhException("information element at octet " + at
                        + " has no length octet within UDHL " + udhl);
            }
            int identifier = shortMessage[at] & 0xFF;
            int dataLength = shortMessage[at + 1] & 0xFF;
            if (at + 2 + dataLength > end) {
                throw new MalformedUdhException(String.format(
                        "information element 0x%02X of %d octets runs past UDHL %d", identifier, dataLength, udhl));
            }
            checkConcatenationLength(identifier, dataLength);
            elements.add(new InformationElement(identifier,
                    Arrays.copyOfRange(shortMessage, at + 2, at + 2 + dataLength)));
            at += 2 + dataLength;
        }
        return new Udh(elements, end);
    }

    private static void checkConcatenationLength(int identifier, int dataLength) {
        if (identifier == Concatenation.IEI_8BIT_REFERENCE && dataLength != 3
                || identifier == Concatenation.IEI_16BIT_REFERENCE && dataLength != 4) {
            throw new MalformedUdhException(String.format(
                    "concatenation element 0x%02X has %d data octets", identifier, dataLength));
        }
    }

    /**
     * The concatenation element, if there is a valid one. As §9.2.3.24 says, of repeated or mutually
     * exclusive elements (8-bit and 16-bit reference) the last one counts; an element whose total is
     * 0, or whose sequence is 0 or above the total, is ignored (§9.2.3.24.1). With no valid element
     * left the message is a single SMS.
     */
    public Optional<Concatenation> concatenation() {
        Concatenation found = null;
        for (InformationElement element : elements) {
            byte[] d = element.data;
            Concatenation candidate = null;
            if (element.identifier() == Concatenation.IEI_8BIT_REFERENCE) {
                candidate = validOrNull(d[0] & 0xFF, d[1] & 0xFF, d[2] & 0xFF, false);
            } else if (element.identifier() == Concatenation.IEI_16BIT_REFERENCE) {
                candidate = validOrNull(((d[0] & 0xFF) << 8) | (d[1] & 0xFF), d[2] & 0xFF, d[3] & 0xFF, true);
            }
            if (candidate != null) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Concatenation validOrNull(int reference, int total, int sequence, boolean sixteenBit) {
        if (total == 0 || sequence == 0 || sequence > total) {
            return null;
        }
        return new Concatenation(reference, total, sequence, sixteenBit);
    }
}
