package io.sluice.emulator.smpp;

import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.text.SmsText;
import java.util.Arrays;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitMulti;

/**
 * The addressing and content of a submit_sm, data_sm, submit_multi or deliver_sm (SMPP 3.4 §4.4,
 * §4.5, §4.6, §4.7), with the text decoded.
 *
 * @param octets short_message, or the message_payload TLV when short_message is empty (SMPP 3.4
 *     §5.3.2.32), exactly as sent
 * @param text decoded user data (any UDH left out); null for a data_coding the emulator does not decode
 */
public record ShortMessage(SmppAddress source, SmppAddress destination, byte esmClass, byte dataCoding,
        byte registeredDelivery, byte[] octets, String text) {

    /** SMPP 3.4 §5.2.12: esm_class bit 6, the short message starts with a User Data Header. */
    static final int ESM_CLASS_UDHI = 0x40;

    private static final byte[] NO_OCTETS = new byte[0];

    /** From a submit_sm, deliver_sm or data_sm. */
    static ShortMessage of(AbstractSmCommand sm, SmsText smsText) {
        byte[] octets = sm instanceof MessageRequest request && request.getShortMessage() != null
                ? request.getShortMessage() : NO_OCTETS;
        if (octets.length == 0) {
            octets = payloadOf(sm);
        }
        return new ShortMessage(
                new SmppAddress(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr()),
                new SmppAddress(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress()),
                sm.getEsmClass(), sm.getDataCoding(), sm.getRegisteredDelivery(), octets,
                decode(smsText, sm.getEsmClass(), sm.getDataCoding(), octets));
    }

    /** From a submit_multi, for one of its SME destinations. */
    static ShortMessage of(SubmitMulti multi, Address destination, SmsText smsText) {
        byte[] octets = multi.getShortMessage() != null ? multi.getShortMessage() : NO_OCTETS;
        return new ShortMessage(
                new SmppAddress(multi.getSourceAddrTon(), multi.getSourceAddrNpi(), multi.getSourceAddr()),
                new SmppAddress(destination.getTon(), destination.getNpi(), destination.getAddress()),
                multi.getEsmClass(), multi.getDataCoding(), multi.getRegisteredDelivery(), octets,
                decode(smsText, multi.getEsmClass(), multi.getDataCoding(), octets));
    }

    private static byte[] payloadOf(AbstractSmCommand sm) {
        OptionalParameter payload = sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return payload instanceof OptionalParameter.OctetString octetString ? octetString.getValue() : NO_OCTETS;
    }

    private static String decode(SmsText smsText, byte esmClass, byte dataCoding, byte[] octets) {
        return smsText.decode(dataCoding, userData(esmClass, octets)).orElse(null);
    }

    /** GSM 03.40 §9.2.3.24: with a UDH, the first octet is its length (not counting itself). */
    private static byte[] userData(byte esmClass, byte[] octets) {
        if ((esmClass & ESM_CLASS_UDHI) == 0 || octets.length == 0) {
            return octets;
        }
        int headerOctets = 1 + (octets[0] & 0xFF);
        return headerOctets >= octets.length ? NO_OCTETS : Arrays.copyOfRange(octets, headerOctets, octets.length);
    }
}
