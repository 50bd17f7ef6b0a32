package io.sluice.edge;

import io.sluice.im.Headers;
import io.sluice.link.LinkHeaders;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.smpp.SmppAddresses;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;

/** Turns an MT message from the core into the headers camel-smpp needs for one submit_sm, or cimd2: for one submit. */
public final class SmscSubmit {

    /** registered_delivery: SMSC receipt on final outcome, success or failure (SMPP 3.4 section 5.2.17). */
    private static final byte RECEIPT_ON_FINAL_OUTCOME = 0x01;
    private static final byte NO_RECEIPT = 0x00;
    /** CIMD2 status report request (056): 2 validity expired + 4 delivery failed + 8 delivered, i.e. every final outcome. */
    private static final int CIMD2_REPORT_FINAL_OUTCOMES = 2 | 4 | 8;

    private final boolean requestReceipts;

    public SmscSubmit(boolean requestReceipts) {
        this.requestReceipts = requestReceipts;
    }

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        SmppAddresses.Address destination = SmppAddresses.toSmpp(message.getHeader(Headers.TO, String.class));
        SmppAddresses.Address source = SmppAddresses.toSmpp(message.getHeader(Headers.SOURCE_ADDRESS, String.class));
        message.setHeader(SmppConstants.COMMAND, "SubmitSm");
        message.setHeader(SmppConstants.DEST_ADDR, destination.value());
        message.setHeader(SmppConstants.DEST_ADDR_TON, destination.ton());
        message.setHeader(SmppConstants.DEST_ADDR_NPI, destination.npi());
        message.setHeader(SmppConstants.SOURCE_ADDR, source.value());
        message.setHeader(SmppConstants.SOURCE_ADDR_TON, source.ton());
        message.setHeader(SmppConstants.SOURCE_ADDR_NPI, source.npi());
        message.setHeader(SmppConstants.REGISTERED_DELIVERY, requestReceipts ? RECEIPT_ON_FINAL_OUTCOME : NO_RECEIPT);
    }

    /** CIMD2 addresses are digits with an optional leading +: E.164 numbers and short codes go as they are. */
    public void prepareCimd2(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(Cimd2Headers.DESTINATION, message.getHeader(Headers.TO, String.class));
        message.setHeader(Cimd2Headers.ORIGINATOR, message.getHeader(Headers.SOURCE_ADDRESS, String.class));
        message.setHeader(Cimd2Headers.STATUS_REPORT_REQUEST, requestReceipts ? CIMD2_REPORT_FINAL_OUTCOMES : 0);
        // from the ring sequence: a message submitted again keeps its reference, the next one gets another
        Long sequence = message.getHeader(LinkHeaders.SEQUENCE, Long.class);
        if (sequence != null) {
            message.setHeader(Cimd2Headers.CONCATENATION_REFERENCE, (int) (sequence & 0xFF));
        }
    }
}
