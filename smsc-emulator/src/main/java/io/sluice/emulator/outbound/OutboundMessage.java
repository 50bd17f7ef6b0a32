package io.sluice.emulator.outbound;

import io.sluice.emulator.handset.SmppAddress;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;

/**
 * A deliver_sm waiting for a receiver bind (SMPP 3.4 §4.6.1): a mobile-originated message or an SMSC
 * delivery receipt. Re-sending after a refusal sends the same content again.
 *
 * @param id emulator id: the MO id, or the receipt's own id
 * @param text readable form of {@code shortMessage}, for logs and the web page
 * @param handset the number whose outbox tracks this message; null for receipts
 * @param receipt what a receipt reports, for protocols that send it as fields (CIMD2); null for MO messages
 * @param lastPart whether this is the last deliver_sm of its message (the parts of a concatenated MO
 *     message share its id and are queued together; the outbox shows it delivered after the last one)
 */
public record OutboundMessage(String id, Kind kind, SmppAddress source, SmppAddress destination, byte esmClass,
        byte dataCoding, byte[] shortMessage, List<OptionalParameter> optionalParameters, String text,
        String handset, ReceiptFacts receipt, boolean lastPart) {

    public enum Kind {
        MO, RECEIPT
    }

    public OutboundMessage {
        optionalParameters = List.copyOf(optionalParameters);
    }

    /** A mobile-originated message that is one whole deliver_sm. */
    public OutboundMessage(String id, Kind kind, SmppAddress source, SmppAddress destination, byte esmClass,
            byte dataCoding, byte[] shortMessage, List<OptionalParameter> optionalParameters, String text,
            String handset) {
        this(id, kind, source, destination, esmClass, dataCoding, shortMessage, optionalParameters, text, handset,
                null, true);
    }
}
