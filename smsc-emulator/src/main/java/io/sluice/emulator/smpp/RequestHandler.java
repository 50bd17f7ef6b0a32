package io.sluice.emulator.smpp;

import io.sluice.sms.smpp.SmppStatus;

import io.sluice.emulator.EmulatorProperties;
import io.sluice.emulator.ReceiptOutcome;
import io.sluice.emulator.ViolationPolicy;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.outbound.DeliveryReceipts;
import io.sluice.emulator.outbound.OutboundMessage;
import io.sluice.emulator.text.SmsText;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.Address;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.AbsoluteTimeFormatter;
import org.jsmpp.util.MessageId;

/**
 * Answers the ESME operations of one session (SMPP 3.4 §4.4 submit_sm, §4.5 submit_multi, §4.7
 * data_sm, §4.8 query_sm, §4.9 cancel_sm, §4.10 replace_sm) after the simulated processing time.
 * A message is "delivered" at once into the destination handset's inbox; its receipt follows later.
 */
final class RequestHandler implements ServerMessageReceiverListener {

    private static final OptionalParameter[] NO_TLVS = new OptionalParameter[0];
    private static final UnsuccessDelivery[] ALL_DELIVERED = new UnsuccessDelivery[0];
    /** error_code of query_sm_resp (SMPP 3.4 §4.8.2): no network error. */
    private static final byte NO_NETWORK_ERROR = 0x00;

    private final EsmeSession session;
    private final SmscServices services;
    private final EmulatorProperties properties;
    private final HandshakeDelay delay;
    private final WireFaults wireFaults;

    RequestHandler(EsmeSession session, SmscServices services) {
        this.session = session;
        this.services = services;
        this.properties = services.properties();
        this.wireFaults = new WireFaults(session, services.stats(), properties.lateResponseDelay());
        this.delay = new HandshakeDelay(properties.handshakeTime(), properties.handshakeJitter(), new Random());
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
            throws ProcessRequestException {
        refuseIfOutOfTurn(submitSm);
        ShortMessage message = ShortMessage.of(submitSm, services.smsText());
        return new SubmitSmResult(messageId(accept(message, submitSm.getSequenceNumber())), NO_TLVS);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        refuseIfOutOfTurn(dataSm);
        ShortMessage message = ShortMessage.of(dataSm, services.smsText());
        return new DataSmResult(messageId(accept(message, dataSm.getSequenceNumber())), NO_TLVS);
    }

    /** Every SME destination gets the message; distribution lists are not expanded and receipts not sent. */
    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        refuseIfOutOfTurn(submitMulti);
        simulateProcessing();
        String id = services.messageIds().next();
        Instant now = services.clock().instant();
        Arrays.stream(submitMulti.getDestAddresses()).filter(Address.class::isInstance).map(Address.class::cast)
                .map(destination -> ShortMessage.of(submitMulti, destination, services.smsText()))
                .forEach(message -> services.handsets().receive(received(id, message, now)));
        return new SubmitMultiResult(id, ALL_DELIVERED, NO_TLVS);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        refuseIfOutOfTurn(querySm);
        simulateProcessing();
        ReceivedMessage message = services.handsets().findMessage(querySm.getMessageId())
                .orElseThrow(() -> new ProcessRequestException("unknown message_id", SmppStatus.ESME_RQUERYFAIL.code()));
        String finalDate = new AbsoluteTimeFormatter().format(Date.from(message.time()));
        return new QuerySmResult(finalDate, properties.receiptOutcome().messageState(), NO_NETWORK_ERROR);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        refuseIfOutOfTurn(replaceSm);
        simulateProcessing();
        throw new ProcessRequestException("already delivered", SmppStatus.ESME_RREPLACEFAIL.code());
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        refuseIfOutOfTurn(cancelSm);
        simulateProcessing();
        throw new ProcessRequestException("already delivered", SmppStatus.ESME_RCANCELFAIL.code());
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notSmpp34();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw notSmpp34();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
            SMPPServerSession source) throws ProcessRequestException {
        throw notSmpp34();
    }

    /** Broadcast operations are SMPP 5.0; an SMPP 3.4 SMSC does not know their command_id. */
    private static ProcessRequestException notSmpp34() {
        return new ProcessRequestException("not an SMPP 3.4 operation", SmppStatus.ESME_RINVCMDID.code());
    }

    private void refuseIfOutOfTurn(Command request) throws ProcessRequestException {
        if (properties.violationPolicy() == ViolationPolicy.REJECT && session.isOutOfTurn(request.getSequenceNumber())) {
            throw new ProcessRequestException("sent before the previous request was answered",
                    properties.violationStatus());
        }
    }

    /**
     * Returns the message_id to answer with; a receipt, when asked for, follows the positive answer. A
     * refusal period or a scripted failure refuses the message; a scripted {@link WireFault} garbles the answer.
     */
    private String accept(ShortMessage message, int sequenceNumber) throws ProcessRequestException {
        simulateProcessing();
        OptionalInt refusal = services.faults().refusal();
        if (refusal.isPresent()) {
            throw new ProcessRequestException("refusing every submit for a while", refusal.getAsInt());
        }
        Optional<ScriptedFailure> scripted = ScriptedFailure.of(message.text());
        if (scripted.isPresent()) {
            return fail(scripted.get(), sequenceNumber);
        }
        Optional<WireFault> wire = WireFault.of(message.text())
                .filter(fault -> !fault.firstAttemptOnly() || services.faults().firstAttempt(message.text()));
        if (wire.isPresent() && !wire.get().stores()) {
            play(() -> wireFaults.replaceAnswer(wire.get(), sequenceNumber));
            return services.messageIds().next();
        }
        String id = services.messageIds().next();
        Instant submitted = services.clock().instant();
        services.handsets().receive(received(id, message, submitted), message.esmClass(), message.octets());
        ReceiptOutcome outcome = properties.receiptOutcome();
        boolean receiptRequested = DeliveryReceipts.isRequested(message.registeredDelivery(), outcome);
        String systemId = session.binding().orElseThrow().systemId();
        Supplier<OutboundMessage> receipt = () -> DeliveryReceipts.receipt(services.messageIds().next(), id,
                message.destination(), message.source(), outcome, submitted, services.clock().instant(), message.text());
        Runnable scheduleReceipt = () -> {
            services.stats().receiptScheduled();
            services.receipts().schedule(systemId, receipt);
        };
        if (wire.isPresent()) {
            play(() -> wireFaults.answerStored(wire.get(), sequenceNumber, id, receiptRequested ? receipt : null,
                    receiptRequested ? scheduleReceipt : () -> { }));
        } else if (receiptRequested) {
            session.afterPositiveAnswer(sequenceNumber, scheduleReceipt);
        }
        return id;
    }

    private interface WireAction {
        void run() throws IOException;
    }

    private static void play(WireAction action) throws ProcessRequestException {
        try {
            action.run();
        } catch (IOException e) {
            throw new ProcessRequestException("cannot write to the ESME: " + e.getMessage(), SmppStatus.ESME_RSYSERR.code());
        }
    }

    private String fail(ScriptedFailure failure, int sequenceNumber) throws ProcessRequestException {
        if (failure.answers()) {
            throw new ProcessRequestException("scripted " + failure.keyword(), failure.status());
        }
        session.withhold(sequenceNumber);
        return services.messageIds().next();
    }

    private static ReceivedMessage received(String id, ShortMessage message, Instant time) {
        return new ReceivedMessage(id, message.source().number(), message.destination().number(), message.text(),
                message.dataCoding() & 0xFF, SmsText.hex(message.octets()), time);
    }

    private void simulateProcessing() throws ProcessRequestException {
        try {
            delay.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("interrupted while processing", SmppStatus.ESME_RSYSERR.code());
        }
    }

    private static MessageId messageId(String id) throws ProcessRequestException {
        try {
            return new MessageId(id);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message_id " + id, SmppStatus.ESME_RSYSERR.code());
        }
    }
}
