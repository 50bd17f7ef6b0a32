package io.sluice.emulator;

import org.jsmpp.bean.MessageState;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The final state the emulated network reports in SMSC delivery receipts: the {@code stat:} and
 * {@code err:} fields of the receipt text (SMPP 3.4 Appendix B) and the {@code message_state} TLV
 * (SMPP 3.4 §5.3.2.35).
 */
public enum ReceiptOutcome {
    DELIVERED(DeliveryReceiptState.DELIVRD, MessageState.DELIVERED, "000"),
    UNDELIVERABLE(DeliveryReceiptState.UNDELIV, MessageState.UNDELIVERABLE, "001"),
    REJECTED(DeliveryReceiptState.REJECTD, MessageState.REJECTED, "002"),
    EXPIRED(DeliveryReceiptState.EXPIRED, MessageState.EXPIRED, "003");

    private final DeliveryReceiptState receiptState;
    private final MessageState messageState;
    private final String errorCode;

    ReceiptOutcome(DeliveryReceiptState receiptState, MessageState messageState, String errorCode) {
        this.receiptState = receiptState;
        this.messageState = messageState;
        this.errorCode = errorCode;
    }

    /** The {@code stat:} value of the receipt text, e.g. {@code DELIVRD}. */
    public DeliveryReceiptState receiptState() {
        return receiptState;
    }

    /** The value of the {@code message_state} TLV and of {@code query_sm_resp}. */
    public MessageState messageState() {
        return messageState;
    }

    /** The {@code err:} value of the receipt text; network specific, so ours are simply numbered. */
    public String errorCode() {
        return errorCode;
    }

    /** {@code dlvrd:} counts delivered messages: one when delivered, none otherwise. */
    public int deliveredCount() {
        return this == DELIVERED ? 1 : 0;
    }

    public boolean isFailure() {
        return this != DELIVERED;
    }
}
