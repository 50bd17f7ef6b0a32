package io.sluice.emulator.outbound;

import io.sluice.emulator.ReceiptOutcome;
import java.time.Instant;

/**
 * What a delivery receipt reports, for protocols that carry it in fields rather than in text: CIMD2's
 * deliver status report (CIMD Interface Specification §4.10) identifies the message by its recipient and
 * the service centre time stamp of the submit.
 *
 * @param messageId the id the submit was answered with
 * @param recipient the handset's number, as people write it
 */
public record ReceiptFacts(String messageId, String recipient, ReceiptOutcome outcome, Instant submitted,
        Instant done) {
}
