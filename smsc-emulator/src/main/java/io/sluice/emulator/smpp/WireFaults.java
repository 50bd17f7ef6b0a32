package io.sluice.emulator.smpp;

import io.sluice.emulator.outbound.OutboundMessage;
import io.sluice.emulator.traffic.EmulatorStats;
import io.sluice.sms.smpp.SmppStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link WireFault} on one session: the answer jsmpp makes is held back from the wire and
 * replaced by what the fault asks for (nothing, a late copy, generic_nack, malformed bytes), or a
 * receipt is written ahead of it.
 */
final class WireFaults {

    private static final Logger log = LoggerFactory.getLogger(WireFaults.class);

    /** SMPP 3.4 §5.1.2.1 assigns no command_id here. */
    static final int UNKNOWN_COMMAND_ID = 0x00000777;
    /** A command_length no ESME can hold in memory, and whose body never comes. */
    static final int HUGE_COMMAND_LENGTH = 0x7FFFFFF0;
    /** Below the 16-octet header, which SMPP 3.4 §3.2 says every PDU has. */
    static final int SHORT_COMMAND_LENGTH = 8;
    static final byte[] GARBAGE = "this is not SMPP\r\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * Sequence numbers of the deliver_sm the emulator writes itself, from the top of the range
     * (SMPP 3.4 §5.1.2.4: up to 0x7FFFFFFF), far from jsmpp's own counter.
     */
    private static final AtomicInteger OWN_SEQUENCE = new AtomicInteger(0x7F000000);

    private static final PDUComposer COMPOSER = new DefaultComposer();

    private final EsmeSession session;
    private final EmulatorStats stats;
    private final Duration lateResponseDelay;

    WireFaults(EsmeSession session, EmulatorStats stats, Duration lateResponseDelay) {
        this.session = session;
        this.stats = stats;
        this.lateResponseDelay = lateResponseDelay;
    }

    /** A fault whose message is not stored: the answer to this request is replaced. */
    void replaceAnswer(WireFault fault, int sequenceNumber) throws IOException {
        String note = "replaced (" + fault.keyword() + ")";
        session.withhold(sequenceNumber, note);
        switch (fault) {
            case GENERIC_NACK -> session.writePdu(COMPOSER.genericNack(SmppStatus.ESME_RSYSERR.code(), sequenceNumber),
                    fault.keyword());
            case UNKNOWN_COMMAND -> session.writePdu(header(PduHeader.LENGTH, UNKNOWN_COMMAND_ID, sequenceNumber),
                    fault.keyword());
            case SHORT_LENGTH -> session.writeMalformed(
                    ByteBuffer.allocate(SHORT_COMMAND_LENGTH).putInt(SHORT_COMMAND_LENGTH).array(), fault.keyword());
            case HUGE_LENGTH -> session.writeMalformed(
                    header(HUGE_COMMAND_LENGTH, SmppCommand.SUBMIT_SM_RESP.id(), sequenceNumber), fault.keyword());
            case TRUNCATED -> session.writePdu(truncatedSubmitSmResp(sequenceNumber), fault.keyword());
            case GARBAGE -> session.writeMalformed(GARBAGE, fault.keyword());
            default -> throw new IllegalArgumentException(fault + " stores the message");
        }
    }

    /**
     * A fault whose message is stored under {@code messageId}. {@code receipt} makes its delivery receipt
     * (null when none was asked for); {@code scheduleReceipt} queues it the normal way.
     */
    void answerStored(WireFault fault, int sequenceNumber, String messageId, Supplier<OutboundMessage> receipt,
            Runnable scheduleReceipt) throws IOException {
        switch (fault) {
            case LOST_RESPONSE -> {
                session.withhold(sequenceNumber, "lost (" + fault.keyword() + ")");
                scheduleReceipt.run();
            }
            case LATE_RESPONSE -> {
                session.withhold(sequenceNumber, "held back (" + fault.keyword() + ")");
                scheduleReceipt.run();
                CompletableFuture.delayedExecutor(lateResponseDelay.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> writeLate(sequenceNumber, messageId, fault));
            }
            case EARLY_RECEIPT -> {
                if (receipt != null) {
                    stats.receiptScheduled();
                    session.writePdu(deliverSm(receipt.get()), "receipt ahead of its answer (" + fault.keyword() + ")");
                    stats.receiptSent();
                }
            }
            default -> throw new IllegalArgumentException(fault + " does not store the message");
        }
    }

    private void writeLate(int sequenceNumber, String messageId, WireFault fault) {
        try {
            session.writePdu(COMPOSER.submitSmResp(sequenceNumber, messageId), "late (" + fault.keyword() + ")");
        } catch (IOException | PDUStringException e) {
            log.info("The late answer to sequence {} could not go out: {}", sequenceNumber, e.getMessage());
        }
    }

    private static byte[] header(int commandLength, int commandId, int sequenceNumber) {
        return ByteBuffer.allocate(PduHeader.LENGTH).putInt(commandLength).putInt(commandId)
                .putInt(SmppStatus.ESME_ROK.code()).putInt(sequenceNumber).array();
    }

    /** A submit_sm_resp (SMPP 3.4 §4.4.2) whose message_id C-Octet String lacks its NUL. */
    private static byte[] truncatedSubmitSmResp(int sequenceNumber) {
        byte[] id = "cut".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(PduHeader.LENGTH + id.length).putInt(PduHeader.LENGTH + id.length)
                .putInt(SmppCommand.SUBMIT_SM_RESP.id()).putInt(SmppStatus.ESME_ROK.code()).putInt(sequenceNumber)
                .put(id).array();
    }

    private static byte[] deliverSm(OutboundMessage message) throws IOException {
        try {
            return COMPOSER.deliverSm(OWN_SEQUENCE.incrementAndGet(), "",
                    message.source().ton(), message.source().npi(), message.source().address(),
                    message.destination().ton(), message.destination().npi(), message.destination().address(),
                    message.esmClass(), (byte) 0, (byte) 0, (byte) 0, message.dataCoding(), message.shortMessage(),
                    message.optionalParameters().toArray(OptionalParameter[]::new));
        } catch (PDUStringException e) {
            throw new IOException("cannot compose the receipt: " + e.getMessage(), e);
        }
    }
}
