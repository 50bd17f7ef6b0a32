package io.sluice.edge;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.sluice.im.FailureReason;
import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.sms.smpp.SmppStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the status events an edge sends to the core on {@code sluice.events}: the SMSC accepted a
 * message, refused it, or reported its delivery in a receipt.
 */
public final class EdgeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeEvents.class);
    private static final Duration RECEIPT_GRACE = Duration.ofSeconds(2);

    private final String carrier;
    private final ReceiptCorrelator receipts;

    public EdgeEvents(String carrier, ReceiptCorrelator receipts) {
        this.carrier = carrier;
        this.receipts = receipts;
    }

    /** After submit_sm_resp OK: remembers the SMSC's id and reports "submitted". */
    public void submitted(Exchange exchange) {
        Message message = exchange.getMessage();
        List<?> ids = message.getHeader(SmppConstants.ID, List.class);
        String smscId = ids == null || ids.isEmpty() ? null : String.valueOf(ids.get(0));
        var submitted = new ReceiptCorrelator.Submitted(message.getHeader(Headers.SLUICE_ID, String.class),
                message.getHeader(Headers.SENDER, String.class), message.getHeader(Headers.CLIENT_REF, String.class));
        if (smscId != null) {
            receipts.remember(smscId, submitted);
        }
        write(message, submitted, MessageStatus.SUBMITTED, null, "Accepted by the SMSC as " + smscId + ".");
        message.setHeader(Headers.SMSC_ID, smscId);
    }

    /** After the SMSC refused the message for good: reports "failed". */
    public void refused(Exchange exchange, @ExchangeException Exception failure) {
        Message message = exchange.getMessage();
        var submitted = new ReceiptCorrelator.Submitted(message.getHeader(Headers.SLUICE_ID, String.class),
                message.getHeader(Headers.SENDER, String.class), message.getHeader(Headers.CLIENT_REF, String.class));
        String detail = negativeResponseOf(failure)
                .map(status -> "The SMSC answered " + SmppStatus.describe(status) + ".")
                .orElse("The SMSC refused the message: " + failure.getMessage());
        write(message, submitted, MessageStatus.FAILED, FailureReason.SMSC_REJECTED, detail);
    }

    /** A delivery receipt from the SMSC: reports "delivered" or "failed" to the original sender. */
    public void receipt(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        String smscId = message.getHeader(SmppConstants.ID, String.class);
        DeliveryReceiptState state = message.getHeader(SmppConstants.FINAL_STATUS, DeliveryReceiptState.class);
        Optional<ReceiptCorrelator.Submitted> submitted = receipts.lookup(smscId, RECEIPT_GRACE);
        if (submitted.isEmpty()) {
            LOG.warn("Receipt for unknown SMSC message id {} ({}); forwarded unmatched", smscId, state);
        }
        var about = submitted.orElse(new ReceiptCorrelator.Submitted(null, null, null));
        if (state == DeliveryReceiptState.DELIVRD) {
            write(message, about, MessageStatus.DELIVERED, null, "Delivered to the handset.");
        } else {
            write(message, about, MessageStatus.FAILED, FailureReason.UNDELIVERABLE,
                    "The carrier reported " + state + " (error " + message.getHeader(SmppConstants.ERROR) + ").");
        }
        message.setHeader(Headers.SMSC_ID, smscId);
    }

    /**
     * Whether the submit_sm that just failed is refused for good (to be reported) rather than worth
     * retrying (bind lost, SMSC busy or throttling).
     */
    public boolean isPermanentFailure(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return isPermanent(failure);
    }

    static boolean isPermanent(Throwable failure) {
        return negativeResponseOf(failure).map(status -> !SmppStatus.isTemporary(status)).orElse(false);
    }

    private static Optional<Integer> negativeResponseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NegativeResponseException negative) {
                return Optional.of(negative.getCommandStatus());
            }
        }
        return Optional.empty();
    }

    private void write(Message message, ReceiptCorrelator.Submitted about, MessageStatus status,
                       FailureReason reason, String detail) {
        message.removeHeaders("*");
        message.setHeader(Headers.TYPE, "event");
        message.setHeader(Headers.CARRIER, carrier);
        message.setHeader(Headers.STATUS, status.code());
        if (about.sluiceId() != null) {
            message.setHeader(Headers.SLUICE_ID, about.sluiceId());
            // If the link to the core retransmits the event, the core's broker keeps one copy.
            message.setHeader(Headers.DUPLICATE_ID, about.sluiceId() + ":" + status.code());
        }
        if (about.sender() != null) {
            message.setHeader(Headers.SENDER, about.sender());
        }
        if (about.clientRef() != null) {
            message.setHeader(Headers.CLIENT_REF, about.clientRef());
        }
        if (reason != null) {
            message.setHeader(Headers.REASON, reason.name());
        }
        message.setHeader(Headers.DETAIL, detail);
        message.setBody(detail);
    }
}
