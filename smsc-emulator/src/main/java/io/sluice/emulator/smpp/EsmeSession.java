package io.sluice.emulator.smpp;

import io.sluice.sms.smpp.SmppStatus;

import io.sluice.emulator.outbound.OutboundLane;
import io.sluice.emulator.traffic.SessionStats;
import io.sluice.emulator.traffic.TrafficRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.PDUException;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.connection.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ESME connection on jsmpp's server session: the bind (SMPP 3.4 §4.1), the watch on sequential
 * handshaking ({@link HandshakeMonitor}), the outbound lane of a receiver bind (§4.6), and the traffic log of both
 * directions. Requests themselves are handled by {@link RequestHandler}.
 */
final class EsmeSession implements ArrivalTap.Listener, DepartureTap.Listener, SessionStateListener {

    private static final Logger log = LoggerFactory.getLogger(EsmeSession.class);

    /**
     * More processing threads than a sequential ESME needs, so that an overlapping request is processed
     * next to the first one (and visibly answered out of turn) instead of queueing silently behind it.
     */
    static final int PDU_PROCESSOR_DEGREE = 8;
    /** PDUs jsmpp queues per session before it answers ESME_RTHROTTLED on its own. */
    private static final int PDU_QUEUE_CAPACITY = 100;
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
    /** How long a refused ESME has to read its bind_resp and hang up before we do. */
    private static final Duration REFUSED_BIND_GRACE = Duration.ofSeconds(1);
    /** Our system_id in bind_resp (SMPP 3.4 §4.1.2, at most 15 characters). */
    static final String SMSC_SYSTEM_ID = "SluiceSMSC";

    private static final String NOTE_VIOLATION = "violation";
    private static final String NOTE_KEEPALIVE_OVERLAP = "keepalive-overlap";
    private static final String NOTE_WITHHELD = "withheld (#NORESP)";
    private static final String NOTE_ENQUIRE_LINK_IGNORED = "withheld (ignoring enquire_link)";
    /** The command name of recorded bytes that are not meant to be a PDU at all. */
    private static final String MALFORMED = "malformed";

    /** Who is bound, as what, since when. */
    record Binding(String systemId, BindType bindType, Instant boundAt) {
    }

    private final String id;
    private final SmscServices services;
    private final PduSummary summary;
    private final Consumer<EsmeSession> onClosed;
    private final String remoteAddress;
    private final HandshakeMonitor monitor = new HandshakeMonitor();
    /** Responses held back from the wire, by sequence number, with the traffic log's note saying why. */
    private final Map<Integer, String> withheld = new ConcurrentHashMap<>();
    private final Map<Integer, Runnable> afterPositiveAnswer = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SMPPServerSession session;
    /** Only touched by the session's single reader thread, between a header and its body. */
    private HandshakeMonitor.Arrival lastArrival = HandshakeMonitor.Arrival.UNTRACKED;
    private volatile Binding binding;
    private volatile OutboundLane lane;
    private volatile boolean ignoringEnquireLinks;
    private final DepartureTap output;

    EsmeSession(String id, Connection connection, SmscServices services, Consumer<EsmeSession> onClosed) {
        this.id = id;
        this.services = services;
        this.summary = new PduSummary(services.smsText());
        this.onClosed = onClosed;
        this.remoteAddress = connection.getInetAddress().getHostAddress() + ":" + connection.getPort();
        TappedConnection tapped = new TappedConnection(connection, this);
        this.output = tapped.output();
        this.session = new SMPPServerSession(tapped, this,
                new RequestHandler(this, services), null, PDU_PROCESSOR_DEGREE, PDU_QUEUE_CAPACITY,
                new SynchronizedPDUSender(new DefaultPDUSender()), new ArrivalTap(new DefaultPDUReader(), this));
        session.setTransactionTimer(services.properties().responseTimeout().toMillis());
    }

    String id() {
        return id;
    }

    /** Waits for the ESME's bind and answers it; runs once, on its own thread. */
    void awaitBind(Accounts accounts) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT.toMillis());
            int status = accounts.check(request.getSystemId(), request.getPassword());
            if (status != SmppStatus.ESME_ROK.code()) {
                services.stats().bindRefused();
                log.info("{}: bind of '{}' refused with 0x{}", id, request.getSystemId(), Integer.toHexString(status));
                request.reject(status);
                // Closing at once can reset the connection before the ESME has read the bind_resp.
                CompletableFuture.delayedExecutor(REFUSED_BIND_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(this::close);
                return;
            }
            // Booked before the bind_resp goes: the ESME may submit the moment it reads it.
            binding = new Binding(request.getSystemId(), request.getBindType(), services.clock().instant());
            services.stats().bound();
            request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            log.info("{}: {} bound as {} from {}", id, request.getSystemId(), request.getBindType(), remoteAddress);
            if (request.getBindType() == BindType.BIND_RX || request.getBindType() == BindType.BIND_TRX) {
                startLane(request.getSystemId());
            }
        } catch (TimeoutException e) {
            log.info("{}: no bind within {}, closed", id, BIND_TIMEOUT);
        } catch (IOException | PDUException | IllegalStateException e) {
            log.info("{}: bind failed: {}", id, e.getMessage());
            close();
        }
    }

    private void startLane(String systemId) {
        lane = new OutboundLane(id, services.mailboxes().of(systemId), new DeliverSmSender(session),
                services.properties().moRetryInterval(), services.outboundEvents());
        lane.start();
        if (closed.get()) {
            lane.stop(); // the ESME left while we were starting the lane
        }
    }

    Optional<Binding> binding() {
        return Optional.ofNullable(binding);
    }

    /** Whether the still-unanswered request arrived while an earlier one was outstanding. */
    boolean isOutOfTurn(int sequenceNumber) {
        return monitor.isViolation(sequenceNumber);
    }

    /** The response to this request will be held back from the wire (scripted {@code #NORESP}). */
    void withhold(int sequenceNumber) {
        withhold(sequenceNumber, NOTE_WITHHELD);
    }

    /** The response to this request will be held back from the wire; the traffic log notes why. */
    void withhold(int sequenceNumber, String note) {
        withheld.put(sequenceNumber, note);
    }

    /** Writes a whole PDU the session did not make (a late answer, a receipt ahead of its answer); logged. */
    void writePdu(byte[] pdu, String note) throws IOException {
        try {
            output.writeUntapped(pdu);
        } catch (IOException gone) {
            record(TrafficRecord.OUT, pdu, note + ", not sent: " + gone.getMessage());
            throw gone;
        }
        record(TrafficRecord.OUT, pdu, note);
    }

    /** Writes bytes that are no proper PDU (a broken length, garbage); logged as {@value #MALFORMED}. */
    void writeMalformed(byte[] bytes, String note) throws IOException {
        output.writeUntapped(bytes);
        services.traffic().record(new TrafficRecord(services.clock().instant(), id, TrafficRecord.OUT, MALFORMED, 0, 0,
                null, null, null, note));
    }

    /**
     * From now on enquire_link goes unanswered while everything else is answered as before: the TCP
     * connection stays open, the ESME has to notice the dead bind by its own timer.
     */
    void ignoreEnquireLinks() {
        ignoringEnquireLinks = true;
    }

    /** Runs {@code action} when a positive response to this request is about to be sent. */
    void afterPositiveAnswer(int sequenceNumber, Runnable action) {
        afterPositiveAnswer.put(sequenceNumber, action);
    }

    @Override
    public void headerArrived(Command header) {
        lastArrival = monitor.requestArrived(header.getCommandId(), header.getSequenceNumber());
        switch (lastArrival) {
            case VIOLATION -> services.stats().violation();
            case KEEPALIVE_OVERLAP -> services.stats().keepaliveOverlap();
            default -> { }
        }
        if (header.getCommandId() == SmppCommand.SUBMIT_SM.id()) {
            services.stats().submitReceived();
        }
    }

    @Override
    public void pduArrived(byte[] pdu) {
        String note = switch (lastArrival) {
            case VIOLATION -> NOTE_VIOLATION;
            case KEEPALIVE_OVERLAP -> NOTE_KEEPALIVE_OVERLAP;
            default -> null;
        };
        record(TrafficRecord.IN, pdu, note);
    }

    @Override
    public boolean beforeSend(byte[] pdu) {
        PduHeader header = PduHeader.of(pdu);
        String withholding = null;
        if (header.isResponse()) {
            services.stats().busyFor(monitor.answered(header.commandId(), header.sequenceNumber()));
            withholding = withheld.remove(header.sequenceNumber());
            if (withholding == null && ignoringEnquireLinks
                    && header.commandId() == SmppCommand.ENQUIRE_LINK_RESP.id()) {
                withholding = NOTE_ENQUIRE_LINK_IGNORED;
            }
            Runnable action = afterPositiveAnswer.remove(header.sequenceNumber());
            if (withholding != null) {
                services.stats().leftUnanswered();
            } else if (header.commandStatus() != SmppStatus.ESME_ROK.code() && answersHandshakedRequest(header)) {
                services.stats().rejected();
            } else if (action != null && header.commandStatus() == SmppStatus.ESME_ROK.code()) {
                action.run();
            }
        }
        record(TrafficRecord.OUT, pdu, withholding);
        return withholding == null;
    }

    private static boolean answersHandshakedRequest(PduHeader response) {
        return response.commandId() == SmppCommand.GENERIC_NACK.id()
                || SmppCommand.of(SmppCommand.requestOf(response.commandId())).map(SmppCommand::isHandshaked)
                        .orElse(false);
    }

    private void record(String direction, byte[] pdu, String note) {
        services.traffic().record(summary.summarise(services.clock().instant(), id, direction, pdu, note));
    }

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.UNBOUND || newState == SessionState.CLOSED) {
            stopLane();
        }
        if (newState == SessionState.CLOSED && closed.compareAndSet(false, true)) {
            if (binding != null) {
                services.stats().unbound();
            }
            log.info("{}: closed", id);
            onClosed.accept(this);
        }
    }

    private void stopLane() {
        OutboundLane current = lane;
        if (current != null) {
            current.stop();
        }
    }

    SessionStats stats() {
        Binding bound = binding;
        return new SessionStats(id, bound == null ? null : bound.systemId(),
                bound == null ? null : bound.bindType().name(), remoteAddress, bound == null ? null : bound.boundAt(),
                monitor.violations(), monitor.keepaliveOverlaps(), monitor.outstanding());
    }

    void resetCounters() {
        monitor.resetCounters();
    }

    /** Polite end: unbind when bound, then close the connection. */
    void close() {
        session.unbindAndClose();
    }
}
