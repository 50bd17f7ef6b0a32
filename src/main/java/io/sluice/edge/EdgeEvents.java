package io.sluice.edge;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import io.sluice.Causes;
import io.sluice.im.FailureReason;
import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.sms.cimd2.Cimd2StatusCode;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.sms.cimd2.client.Cimd2NegativeResponseException;
import io.sluice.sms.smpp.SmppStatus;
import io.sluice.sms.text.TextTooLongException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivery receipts from the SMSC (SMPP deliver_sm receipts, CIMD2 deliver status reports), as status
 * events for the core on {@code sluice.events}, and how the SMSC route tells a refusal for good from a
 * failure worth retrying.
 */
public final class EdgeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeEvents.class);
    private static final Duration RECEIPT_GRACE = Duration.ofSeconds(2);
    /** Header of a stored SMPP receipt: whether the carrier reported the message delivered. */
    static final String RECEIPT_DELIVERED = "receipt_delivered";

    private final String carrier;
    private final ReceiptCorrelator receipts;
    private final Predicate<String> alreadyReported;

    /**
     * @param alreadyReported whether an event with this duplicate id already went to the core
     *                        ({@link ReportedEvents}); such an event is not sent again
     */
    public EdgeEvents(String carrier, ReceiptCorrelator receipts, Predicate<String> alreadyReported) {
        this.carrier = carrier;
        this.receipts = receipts;
        this.alreadyReported = alreadyReported;
    }

    /** Why the SMSC (or the edge itself, for a text too long) refused a message for good, in words for its sender. */
    public static String refusalDetail(Throwable failure) {
        Optional<TextTooLongException> tooLong = tooLongOf(failure);
        if (tooLong.isPresent()) {
            return tooLong.get().getMessage() + ".";
        }
        Optional<Cimd2NegativeResponseException> cimd2 = cimd2RefusalOf(failure);
        if (cimd2.isPresent()) {
            return "The SMSC answered " + cimd2.get().getMessage() + ".";
        }
        return negativeResponseOf(failure)
                .map(status -> "The SMSC answered " + SmppStatus.describe(status) + ".")
                .orElse("The SMSC refused the message: " + (failure == null ? "unknown reason" : failure.getMessage()));
    }

    /**
     * Route {@code smsc-receive}: an SMPP delivery receipt as it arrived, reduced to plain headers
     * ({@link Headers#SMSC_ID}, {@link #RECEIPT_DELIVERED}, {@link Headers#DETAIL}) to be stored on the
     * receipts queue. It is not matched here: it may have overtaken its submit_sm_resp, which camel-smpp
     * reads on the very thread running this route (ADR 0016).
     */
    public void receiptArrived(Exchange exchange) {
        Message message = exchange.getMessage();
        String smscId = message.getHeader(SmppConstants.ID, String.class);
        DeliveryReceiptState state = message.getHeader(SmppConstants.FINAL_STATUS, DeliveryReceiptState.class);
        String detail = "The carrier reported " + state + " (error " + message.getHeader(SmppConstants.ERROR) + ").";
        message.removeHeaders("*");
        message.setHeader(Headers.SMSC_ID, smscId);
        message.setHeader(RECEIPT_DELIVERED, state == DeliveryReceiptState.DELIVRD);
        message.setHeader(Headers.DETAIL, detail);
        message.setBody(detail);
    }

    /**
     * Route {@code smsc-receipts}: a stored SMPP receipt ({@link #receiptArrived}) matched with its message,
     * waiting a little for a submit_sm_resp not yet recorded; reports "delivered" or "failed" to the sender.
     */
    public void matchReceipt(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        String smscId = message.getHeader(Headers.SMSC_ID, String.class);
        report(message, receipts.lookup(smscId, RECEIPT_GRACE), smscId,
                Boolean.TRUE.equals(message.getHeader(RECEIPT_DELIVERED, Boolean.class)),
                message.getHeader(Headers.DETAIL, String.class));
    }

    /**
     * A CIMD2 deliver status report (§4.10): status code (061) 4 is "delivered", the other final codes
     * "failed"; a non-final code (in process, no response yet) reports nothing, leaving the body empty.
     * The report is found by destination and service centre time stamp (ADR 0009).
     */
    public void cimd2Receipt(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        Integer code = message.getHeader(Cimd2Headers.STATUS_CODE, Integer.class);
        Optional<Cimd2StatusCode> status = code == null ? Optional.empty() : Cimd2StatusCode.of(code);
        if (status.isPresent() && !status.get().isFinal()) {
            LOG.debug("Interim CIMD2 status {} for {}: nothing to report yet", status.get(),
                    message.getHeader(Cimd2Headers.MESSAGE_ID));
            message.removeHeaders("*");
            return;
        }
        // Taken, not looked up: the next report under the same destination and second is about the next message,
        // and a repeated report finds nothing rather than a second event with the same duplicate id.
        String smscId = message.getHeader(Cimd2Headers.MESSAGE_ID, String.class);
        Optional<ReceiptCorrelator.Submitted> taken = receipts.take(smscId, RECEIPT_GRACE);
        report(message, taken, smscId,
                status.orElse(null) == Cimd2StatusCode.DELIVERY_SUCCESSFUL,
                "The carrier reported " + status.map(Enum::name).orElse("status " + code) + " (error "
                        + message.getHeader(Cimd2Headers.STATUS_ERROR_CODE) + ").");
        if (taken.isPresent()) {
            message.setHeader(ReceiptCorrelations.TAKEN_HEADER, smscId); // written to disk in this transaction
            giveBackOnRollback(smscId, taken.get());
        }
    }

    /**
     * The take is the report's transaction's, in memory as on disk: if it rolls back, the SMSC sends the report
     * again, and it must find the same message, not the next one under the same id.
     */
    private void giveBackOnRollback(String smscId, ReceiptCorrelator.Submitted taken) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // no transaction to follow (a test calling the bean by itself)
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    receipts.putBack(smscId, taken);
                }
            }
        });
    }

    private void report(Message message, Optional<ReceiptCorrelator.Submitted> submitted, String smscId,
                        boolean delivered, String failureDetail) {
        if (submitted.isEmpty()) {
            LOG.warn("Receipt for unknown SMSC message id {} ({}); forwarded unmatched", smscId,
                    delivered ? "delivered" : failureDetail);
        }
        var about = submitted.orElse(new ReceiptCorrelator.Submitted(null, null, null));
        MessageStatus status = delivered ? MessageStatus.DELIVERED : MessageStatus.FAILED;
        if (about.sluiceId() != null && alreadyReported.test(duplicateId(about.sluiceId(), status))) {
            // The SMSC repeated the receipt, or the message was submitted again after a restart and this is the
            // second submission's: the sender has heard it. Nothing is sent, and the routes' filter finds no
            // sender; sending it would make the broker refuse this transaction every time (ReportedEvents).
            LOG.info("Receipt {} for message {} ({}) repeats one already reported; not sent again", smscId,
                    about.sluiceId(), status.code());
            message.removeHeaders("*");
            message.setHeader(Headers.SMSC_ID, smscId);
            return;
        }
        if (delivered) {
            write(message, about, MessageStatus.DELIVERED, null, "Delivered to the handset.");
        } else {
            write(message, about, MessageStatus.FAILED, FailureReason.UNDELIVERABLE, failureDetail);
        }
        message.setHeader(Headers.SMSC_ID, smscId);
    }

    /** An event's duplicate id: the core's broker keeps one event per message and status. */
    static String duplicateId(String sluiceId, MessageStatus status) {
        return sluiceId + ":" + status.code();
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
        if (tooLongOf(failure).isPresent()) {
            return true;
        }
        Optional<Cimd2NegativeResponseException> cimd2 = cimd2RefusalOf(failure);
        if (cimd2.isPresent()) {
            return !cimd2.get().isTemporary();
        }
        return negativeResponseOf(failure).map(status -> !SmppStatus.isTemporary(status)).orElse(false);
    }

    /** The reason a refusal for good reports: the text's length, or the SMSC's refusal (SMPP or CIMD2). */
    public static FailureReason refusalReason(Throwable failure) {
        return tooLongOf(failure).isPresent() ? FailureReason.TOO_LONG : FailureReason.SMSC_REJECTED;
    }

    /**
     * A short, bounded name for a failed submit, for the {@code sluice.smsc.errors} meter: the SMPP
     * command_status name (ESME_RTHROTTLED), the CIMD2 error code (10), or the failure's type when the
     * SMSC did not answer (not bound, timed out).
     */
    public static String errorCode(Throwable failure) {
        Optional<Cimd2NegativeResponseException> cimd2 = cimd2RefusalOf(failure);
        if (cimd2.isPresent()) {
            return String.valueOf(cimd2.get().code());
        }
        Optional<Integer> smpp = negativeResponseOf(failure);
        if (smpp.isPresent()) {
            return SmppStatus.name(smpp.get());
        }
        return Causes.root(failure).getClass().getSimpleName();
    }

    /** A text needing more SMS parts than allowed: refused before it reaches the SMSC, never retried. */
    private static Optional<TextTooLongException> tooLongOf(Throwable failure) {
        return Causes.find(failure, TextTooLongException.class);
    }

    private static Optional<Integer> negativeResponseOf(Throwable failure) {
        return Causes.find(failure, NegativeResponseException.class).map(NegativeResponseException::getCommandStatus);
    }

    private static Optional<Cimd2NegativeResponseException> cimd2RefusalOf(Throwable failure) {
        return Causes.find(failure, Cimd2NegativeResponseException.class);
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
            message.setHeader(Headers.DUPLICATE_ID, duplicateId(about.sluiceId(), status));
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
