package io.sluice.edge;

import java.util.List;

import io.sluice.im.Headers;
import io.sluice.link.LinkHeaders;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.smpp.PresplitSmppSplitter;
import io.sluice.sms.smpp.SmppAddresses;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import io.sluice.sms.text.TextTooLongException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppSplittingPolicy;

/**
 * Turns an MT message from the core into the headers its SMSC endpoint needs: addresses and receipt
 * request ({@link #prepare} for camel-smpp, {@link #prepareCimd2} for {@code cimd2:}), then the text as
 * our own SMS parts ({@link #encode}, {@link #encodeCimd2}; ADR 0006, 0007 and 0009). Both protocols
 * get the same parts from the same splitter, with the same concatenation reference.
 */
public final class SmscSubmit {

    /** registered_delivery: SMSC receipt on final outcome, success or failure (SMPP 3.4 section 5.2.17). */
    private static final byte RECEIPT_ON_FINAL_OUTCOME = 0x01;
    private static final byte NO_RECEIPT = 0x00;
    /** CIMD2 status report request (056): 2 validity expired + 4 delivery failed + 8 delivered, i.e. every final outcome. */
    private static final int CIMD2_REPORT_FINAL_OUTCOMES = 2 | 4 | 8;

    /** Header: how many submits (submit_sm, CIMD2 submit message) the text takes; the route's throttle counts each. */
    public static final String PARTS = "SluiceSmsParts";

    private final boolean requestReceipts;
    private final SmsSplitter splitter;

    /** @param maxParts most SMS parts a text may take; beyond it the text is refused for good */
    public SmscSubmit(boolean requestReceipts, int maxParts) {
        this.requestReceipts = requestReceipts;
        // The reference always comes from the ring sequence (split(text, reference)), never from here.
        this.splitter = new SmsSplitter(maxParts, () -> {
            throw new IllegalStateException("the concatenation reference is the ring sequence's low 8 bits");
        });
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
    }

    /**
     * Cuts the text into our parts and makes camel-smpp send exactly those. Called right before the
     * SMPP endpoint: the splitter is a Java object, which would not survive a JMS hop.
     *
     * @throws TextTooLongException if the text needs more parts than allowed (a refusal for good)
     */
    public void encode(Exchange exchange) {
        Message message = exchange.getMessage();
        List<SmsPart> parts = parts(message);
        byte dataCoding = parts.get(0).dataCoding();
        message.setHeader(SmppConstants.DATA_SPLITTER, new PresplitSmppSplitter(parts));
        message.setHeader(SmppConstants.SPLITTING_POLICY, SmppSplittingPolicy.ALLOW.name());
        message.setHeader(SmppConstants.DATA_CODING, dataCoding);
        // camel-smpp also reads the alphabet to encode the body for its splitter, which ours ignores.
        message.setHeader(SmppConstants.ALPHABET, dataCoding);
        // Only the last part asks for a receipt: one receipt per message, matched by the last part's id.
        message.setHeader(SmppConstants.SINGLE_DLR, true);
    }

    /**
     * Cuts the text into our parts for the {@code cimd2:} producer, which submits them one after the
     * other (it asks for a status report on the last one only). Called right before the endpoint, as
     * {@link #encode}: the parts are Java objects.
     *
     * @throws TextTooLongException if the text needs more parts than allowed (a refusal for good)
     */
    public void encodeCimd2(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(Cimd2Headers.PARTS, parts(message));
    }

    /**
     * The text's parts, their number in {@link #PARTS} for the route's throttle. The concatenation
     * reference is the low 8 bits of the MT ring sequence, so the same message sent again (a retry, a
     * replay after a restart) carries the same reference and a handset holding some of its parts joins
     * them with the new copies.
     */
    private List<SmsPart> parts(Message message) {
        String text = message.getBody(String.class);
        long sequence = message.getHeader(LinkHeaders.SEQUENCE, Long.class);
        List<SmsPart> parts = splitter.split(text == null ? "" : text, (int) (sequence & 0xFF));
        message.setHeader(PARTS, parts.size());
        return parts;
    }
}
