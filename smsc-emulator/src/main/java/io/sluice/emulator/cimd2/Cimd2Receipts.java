package io.sluice.emulator.cimd2;

import io.sluice.emulator.ReceiptOutcome;
import io.sluice.emulator.outbound.ReceiptFacts;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2StatusCode;

/**
 * The emulator's receipt outcomes in CIMD2 terms: the deliver status report (CIMD Interface Specification
 * §4.10) with destination address (021), the submit's service centre time stamp (060), status code (061),
 * for failures a status error code (062, GSM MAP causes as in chapter 6), and discharge time (063).
 */
final class Cimd2Receipts {

    /** Chapter 5, status report request (056) bits. */
    private static final int REPORT_VALIDITY_EXPIRED = 2;
    private static final int REPORT_DELIVERY_FAILED = 4;
    private static final int REPORT_DELIVERED = 8;
    /** Status error codes (062): unknown subscriber, illegal subscriber, absent subscriber. */
    private static final int UNKNOWN_SUBSCRIBER = 1;
    private static final int ILLEGAL_SUBSCRIBER = 9;
    private static final int ABSENT_SUBSCRIBER = 29;

    private Cimd2Receipts() {
    }

    /** The bit of parameter 056 that asks for a report of {@code outcome}. */
    static int requestBit(ReceiptOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> REPORT_DELIVERED;
            case UNDELIVERABLE, REJECTED -> REPORT_DELIVERY_FAILED;
            case EXPIRED -> REPORT_VALIDITY_EXPIRED;
        };
    }

    static Cimd2StatusCode statusCode(ReceiptOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> Cimd2StatusCode.DELIVERY_SUCCESSFUL;
            case UNDELIVERABLE, REJECTED -> Cimd2StatusCode.DELIVERY_FAILED;
            case EXPIRED -> Cimd2StatusCode.VALIDITY_PERIOD_EXPIRED;
        };
    }

    static Cimd2Packet statusReport(ReceiptFacts facts) {
        Cimd2Packet.Builder report = Cimd2Packet.builder(Cimd2Operation.DELIVER_STATUS_REPORT)
                .add(Cimd2Parameter.DESTINATION_ADDRESS, facts.recipient())
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, Cimd2Timestamps.format(facts.submitted()))
                .add(Cimd2Parameter.STATUS_CODE, statusCode(facts.outcome()).code());
        if (facts.outcome().isFailure()) {
            report.add(Cimd2Parameter.STATUS_ERROR_CODE, switch (facts.outcome()) {
                case REJECTED -> ILLEGAL_SUBSCRIBER;
                case EXPIRED -> ABSENT_SUBSCRIBER;
                default -> UNKNOWN_SUBSCRIBER;
            });
        }
        return report.add(Cimd2Parameter.DISCHARGE_TIME, Cimd2Timestamps.format(facts.done())).build();
    }
}
