package io.sluice.sms.smpp;

import java.util.HexFormat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.smpp.SmppBinding;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.component.smpp.SmppMessage;
import org.apache.camel.component.smpp.SmppUtils;
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
    /**
     * Header: the {@code short_message} octets exactly as received, UDH included ({@code message_payload}
     * when {@code short_message} is empty). camel-smpp's body is already decoded in its own charset and
     * keeps a UDH as text (ADR 0006, 0007).
     */
    public static final String SHORT_MESSAGE = "SluiceShortMessage";

    public GuardedSmppBinding(SmppConfiguration configuration) {
        super(configuration);
    }

    /** Makes every SMPP endpoint of the context decode deliver_sm with this binding; before it starts. */
    public static void install(CamelContext context) {
        context.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof SmppEndpoint smpp) {
                smpp.setBinding(new GuardedSmppBinding(smpp.getConfiguration()));
            }
            return endpoint;
        });
    }

    @Override
    public SmppMessage createSmppMessage(CamelContext camelContext, DeliverSm deliverSm) throws Exception {
        try {
            SmppMessage message = super.createSmppMessage(camelContext, deliverSm);
            if (!deliverSm.isSmscDeliveryReceipt()) {
                // camel-smpp sets no esm_class header for deliver_sm; UDHI (0x40) is in it.
                message.setHeader(SmppConstants.ESM_CLASS, deliverSm.getEsmClass());
                byte[] octets = SmppUtils.getMessageBody(deliverSm);
                message.setHeader(SHORT_MESSAGE, octets == null ? new byte[0] : octets);
            }
            return message;
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
