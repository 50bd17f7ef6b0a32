package io.sluice.emulator.outbound;

import io.sluice.emulator.ReceiptOutcome;
import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.text.SmsText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;

/**
 * SMSC delivery receipts: a deliver_sm with esm_class "SMSC Delivery Receipt" (SMPP 3.4 §5.2.12), the
 * de-facto receipt text of SMPP 3.4 Appendix B ({@code id:... sub:001 dlvrd:001 submit date:...
 * done date:... stat:DELIVRD err:000 text:...}), and the receipted_message_id and message_state TLVs
 * (SMPP 3.4 §5.3.2.12, §5.3.2.35).
 */
public final class DeliveryReceipts {

    /** SMPP 3.4 §5.2.12: esm_class bits 5-2 = 0001, SMSC Delivery Receipt. */
    public static final byte ESM_CLASS_SMSC_DELIVERY_RECEIPT = 0x04;
    /** SMPP 3.4 §5.2.17: registered_delivery bits 1-0 choose the SMSC delivery receipt. */
    static final int RECEIPT_SELECTION_MASK = 0x03;
    /** SMPP 3.4 §5.2.17: receipt requested whatever the final outcome. */
    static final int RECEIPT_ON_SUCCESS_OR_FAILURE = 0x01;
    /** SMPP 3.4 §5.2.17: receipt requested only when delivery failed. */
    static final int RECEIPT_ON_FAILURE = 0x02;
    /** Appendix B: sub: and dlvrd: count messages; the emulator never splits, so one was submitted. */
    private static final int SUBMITTED_COUNT = 1;

    private DeliveryReceipts() {
    }

    /** Whether registered_delivery asks for a receipt when the outcome is {@code outcome}. */
    public static boolean isRequested(byte registeredDelivery, ReceiptOutcome outcome) {
        int selection = registeredDelivery & RECEIPT_SELECTION_MASK;
        return selection == RECEIPT_ON_SUCCESS_OR_FAILURE || (selection == RECEIPT_ON_FAILURE && outcome.isFailure());
    }

    /** The Appendix B text; dates in the emulator's time zone, {@code text:} the first 20 characters. */
    public static String text(String messageId, ReceiptOutcome outcome, Instant submitted, Instant done,
            String originalText) {
        return new DeliveryReceipt(messageId, SUBMITTED_COUNT, outcome.deliveredCount(), Date.from(submitted),
                Date.from(done), outcome.receiptState(), outcome.errorCode(), originalText).toString();
    }

    /**
     * The receipt deliver_sm for a submitted message: it comes from the handset and goes to the
     * submit's source address.
     */
    public static OutboundMessage receipt(String receiptId, String messageId, SmppAddress handset,
            SmppAddress submitter, ReceiptOutcome outcome, Instant submitted, Instant done, String originalText) {
        // ESMEs parse receipts as plain ASCII, so the quoted text is made ASCII too.
        String text = text(messageId, outcome, submitted, done, asciiOnly(originalText));
        List<OptionalParameter> tlvs = List.of(
                new OptionalParameter.Receipted_message_id(messageId),
                new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, outcome.messageState().value()));
        return new OutboundMessage(receiptId, OutboundMessage.Kind.RECEIPT, handset, submitter,
                ESM_CLASS_SMSC_DELIVERY_RECEIPT, SmsText.DCS_SMSC_DEFAULT, text.getBytes(StandardCharsets.US_ASCII),
                tlvs, text, null, new ReceiptFacts(messageId, handset.number(), outcome, submitted, done), true);
    }

    private static String asciiOnly(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
