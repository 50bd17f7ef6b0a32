package io.sluice.sms.smpp;

import java.util.HexFormat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.smpp.SmppBinding;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppMessage;
import org.jsmpp.bean.DeliverSm;

/**
 * camel-smpp's binding, made safe for undecodable deliver_sm PDUs. camel-smpp logs a failure to
 * build the exchange (for example a receipt whose text does not parse) and answers the SMSC
 * ESME_ROK: the message would be acknowledged and lost. Here such a PDU becomes a
 * {@value #MALFORMED} message carrying the raw short message, which the receive route stores.
 */
public final class GuardedSmppBinding extends SmppBinding {

    /** Value of {@code CamelSmppMessageType} for a deliver_sm that could not be decoded. */
    public static final String MALFORMED = "Malformed";
    /** Header naming why the PDU could not be decoded. */
    public static final String DECODE_ERROR = "SluiceDecodeError";

    public GuardedSmppBinding(SmppConfiguration configuration) {
        super(configuration);
    }

    @Override
    public SmppMessage createSmppMessage(CamelContext camelContext, DeliverSm deliverSm) throws Exception {
        try {
            return super.createSmppMessage(camelContext, deliverSm);
        } catch (Exception undecodable) {
            SmppMessage raw = new SmppMessage(camelContext, deliverSm, getConfiguration());
            raw.setHeader(SmppConstants.MESSAGE_TYPE, MALFORMED);
            raw.setHeader(DECODE_ERROR, String.valueOf(undecodable.getMessage()));
            raw.setHeader(SmppConstants.SOURCE_ADDR, deliverSm.getSourceAddr());
            raw.setHeader(SmppConstants.DEST_ADDR, deliverSm.getDestAddress());
            raw.setHeader(SmppConstants.ESM_CLASS, deliverSm.getEsmClass());
            raw.setHeader(SmppConstants.DATA_CODING, deliverSm.getDataCoding());
            byte[] shortMessage = deliverSm.getShortMessage();
            raw.setBody(shortMessage == null ? "" : HexFormat.of().formatHex(shortMessage));
            return raw;
        }
    }
}
