package io.sluice.emulator.cimd2;

import io.sluice.emulator.ReceiptOutcome;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.handset.SmppAddress;
import io.sluice.emulator.outbound.DeliveryReceipts;
import io.sluice.emulator.smpp.ScriptedFailure;
import io.sluice.emulator.smpp.SmscServices;
import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.smpp.SmppStatus;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2ParameterException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Submit message (CIMD Interface Specification §4.3): the text lands in each destination handset's
 * inbox, the response carries the service centre time stamp (060) the client will find again in the
 * status report (§4.10), which is queued when parameter 056 asks for the emulator's outcome.
 */
final class Cimd2Submits {

    /** Chapter 5, type Address: digits, international numbers with a leading {@code +}. */
    private static final Pattern ADDRESS = Pattern.compile("\\+?[0-9]{1,20}");

    private final Cimd2Session session;
    private final SmscServices services;

    Cimd2Submits(Cimd2Session session, SmscServices services) {
        this.session = session;
        this.services = services;
    }

    void submit(Cimd2Packet request) {
        services.stats().submitReceived();
        List<String> destinations = request.values(Cimd2Parameter.DESTINATION_ADDRESS);
        if (destinations.isEmpty() || !destinations.stream().allMatch(d -> ADDRESS.matcher(d).matches())) {
            session.send(request.negativeResponse(Cimd2ErrorCode.INCORRECT_DESTINATION_ADDRESS));
            return;
        }
        OptionalInt refusal = services.faults().refusal();
        if (refusal.isPresent()) {
            // as the scripted #QFULL and #THROTTLE: a full queue is a general system error, the rest congestion
            session.send(request.negativeResponse(refusal.getAsInt() == SmppStatus.ESME_RMSGQFUL.code()
                    ? Cimd2ErrorCode.GENERAL_SYSTEM_ERROR : Cimd2ErrorCode.TEMPORARY_CONGESTION));
            return;
        }
        Cimd2DataCoding coding = coding(request);
        String text = text(request, coding).orElse(null);
        Optional<ScriptedFailure> scripted = ScriptedFailure.of(text);
        if (scripted.isPresent()) {
            fail(request, scripted.get());
            return;
        }
        String source = request.value(Cimd2Parameter.ORIGINATING_ADDRESS)
                .or(() -> request.value(Cimd2Parameter.ALPHANUMERIC_ORIGINATING_ADDRESS)).orElse("");
        Instant submitted = services.clock().instant();
        String rawHex = request.value(Cimd2Parameter.USER_DATA_HEADER).orElse("")
                + request.value(Cimd2Parameter.USER_DATA_BINARY).orElse("");
        for (String destination : destinations) {
            String id = services.messageIds().next();
            services.handsets().receive(new ReceivedMessage(id, source, destination, text, coding.value(), rawHex,
                    submitted));
            if (isReceiptRequested(request)) {
                scheduleReceipt(id, destination, source, submitted, text);
            }
        }
        session.send(request.response().add(Cimd2Parameter.DESTINATION_ADDRESS, destinations.get(0))
                .add(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP, Cimd2Timestamps.format(submitted)).build());
    }

    private static Cimd2DataCoding coding(Cimd2Packet request) {
        try {
            return new Cimd2DataCoding(request.integer(Cimd2Parameter.DATA_CODING_SCHEME).orElse(0));
        } catch (IllegalArgumentException e) {
            throw new Cimd2ParameterException(Cimd2ErrorCode.INCORRECT_DCS_USAGE, e.getMessage());
        }
    }

    /** GSM text from User Data; UCS-2 from User Data Binary; 8-bit data is not text. */
    private static Optional<String> text(Cimd2Packet request, Cimd2DataCoding coding) {
        return coding.isText() ? request.text(Cimd2Parameter.USER_DATA)
                : request.hex(Cimd2Parameter.USER_DATA_BINARY).flatMap(coding::decodeBinary);
    }

    /** Scripted failures of the README, as CIMD2 error codes (chapter 6). */
    private void fail(Cimd2Packet request, ScriptedFailure failure) {
        Cimd2Packet answer = switch (failure) {
            case THROTTLE -> request.negativeResponse(Cimd2ErrorCode.TEMPORARY_CONGESTION);
            case QUEUE_FULL -> request.negativeResponse(Cimd2ErrorCode.GENERAL_SYSTEM_ERROR);
            case REJECT -> request.negativeResponse(Cimd2ErrorCode.INCORRECT_DESTINATION_ADDRESS);
            case NO_RESPONSE -> null;
        };
        if (answer == null) {
            session.withhold(request.response().build());
        } else {
            session.send(answer);
        }
    }

    /** Parameter 056 is a bit mask of the outcomes the client wants reported (chapter 5, status report request). */
    private boolean isReceiptRequested(Cimd2Packet request) {
        int mask = request.integer(Cimd2Parameter.STATUS_REPORT_REQUEST).orElse(0);
        return (mask & Cimd2Receipts.requestBit(services.properties().receiptOutcome())) != 0;
    }

    private void scheduleReceipt(String id, String destination, String source, Instant submitted, String text) {
        String account = session.account();
        ReceiptOutcome outcome = services.properties().receiptOutcome();
        services.stats().receiptScheduled();
        services.receipts().schedule(account, () -> DeliveryReceipts.receipt(services.messageIds().next(), id,
                SmppAddress.ofNumber(destination), SmppAddress.ofNumber(source), outcome, submitted,
                services.clock().instant(), text));
    }
}
