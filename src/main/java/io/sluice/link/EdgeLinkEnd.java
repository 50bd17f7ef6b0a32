package io.sluice.link;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sluice.core.Destinations;
import io.sluice.edge.MtValidity;
import io.sluice.edge.ReceiptCorrelations;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.im.FailureReason;
import io.sluice.im.Headers;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Ring;
import io.sluice.ring.RingFullException;
import io.sluice.ring.Slot;
import io.sluice.sms.smpp.SmppStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An edge's end of its carrier link (ADR 0004): mirror of the MT ring, feeding the stop-and-wait
 * SMSC route in sequence order; origin of the MO ring; reports and heart-beats. Every method returns
 * the messages to send; the route sends them in its transaction.
 */
public final class EdgeLinkEnd {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeLinkEnd.class);

    private final String carrier;
    private final String serviceNumber;
    private final RingRegistry rings;
    private final LinkMonitor monitor;
    private final Resync resync;
    private final ReceiptCorrelator receipts;
    private final Clock clock;

    public EdgeLinkEnd(String carrier, String serviceNumber, RingRegistry rings, LinkMonitor monitor, Resync resync,
                       ReceiptCorrelator receipts, Clock clock) {
        this.carrier = carrier;
        this.serviceNumber = serviceNumber;
        this.rings = rings;
        this.monitor = monitor;
        this.resync = resync;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Route {@code ring-mt-accept}: an MT message from the core into the mirror slot; feed the SMSC in order. */
    public List<Message> acceptMt(Exchange exchange) {
        Message data = exchange.getMessage();
        long sequence = data.getHeader(LinkHeaders.SEQUENCE, Long.class);
        RingHandle mt = ring(Direction.MT);
        Ring.Accepted accepted = mt.accept(sequence, LinkMessages.payloadOf(data), clock.instant());
        Outgoing out = new Outgoing(exchange.getContext());
        switch (accepted.outcome()) {
            case SLOT_BUSY -> throw new IllegalStateException("MT sequence " + sequence
                    + " overran the edge's ring; it will be taken when its slot is free");
            case ALREADY_PROCESSED -> processed(out, sequence, LinkHeaders.OUTCOME_OK, null, "Processed before.");
            case DUPLICATE, STORED -> report(out, LinkHeaders.KIND_CONFIRMED, Direction.MT, sequence);
        }
        feed(accepted.inOrder(), out);
        return out.messages();
    }

    /**
     * Route {@code smsc-submit}, after submit_sm_resp (SMPP) or submit response (CIMD2) OK for every part:
     * the report that the message is processed, for the bookkeeper ({@code mtOutcomes}), which also
     * marks the slot. Only the last part of a concatenated text asks for a receipt, so its id is the
     * one a receipt will quote; it is remembered at once, since a receipt may overtake the commit, and
     * its record goes to disk with the outcome, for a receipt that comes after a restart (ADR 0029).
     */
    public List<Message> submitted(Exchange exchange) {
        Message message = exchange.getMessage();
        String smscId = smscIdOf(message);
        long sequence = message.getHeader(LinkHeaders.SEQUENCE, Long.class);
        LOG.debug("SMSC accepted MT sequence {} as {}", sequence, smscId);
        Outgoing out = new Outgoing(exchange.getContext());
        if (smscId != null) {
            ring(Direction.MT).ring().slot(sequence).ifPresent(slot -> {
                var submitted = new ReceiptCorrelator.Submitted(slot.messageId(), slot.payload().sender(),
                        slot.payload().reference());
                receipts.remember(smscId, submitted);
                ReceiptCorrelations.record(out, carrier, smscId, submitted); // on disk with the outcome (ADR 0029)
            });
        }
        processed(out, sequence, LinkHeaders.OUTCOME_OK, null, "Accepted by the SMSC as " + smscId + ".")
                .setHeader(Headers.SMSC_ID, smscId);
        return out.messages();
    }

    /** Route {@code smsc-errors}: the SMSC refused the message for good; the report that it failed, for the bookkeeper. */
    public List<Message> refused(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return failedReport(exchange, io.sluice.edge.EdgeEvents.refusalReason(failure),
                io.sluice.edge.EdgeEvents.refusalDetail(failure));
    }

    /**
     * Route {@code smsc-errors}: the message's validity ended before the SMSC took it (ADR 0019); the
     * report that it failed {@code EXPIRED}, for the bookkeeper.
     */
    public List<Message> expired(Exchange exchange) {
        return failedReport(exchange, FailureReason.EXPIRED, MtValidity.detail(Headers.validUntil(exchange.getMessage())));
    }

    private List<Message> failedReport(Exchange exchange, FailureReason reason, String detail) {
        long sequence = exchange.getMessage().getHeader(LinkHeaders.SEQUENCE, Long.class);
        Outgoing out = new Outgoing(exchange.getContext());
        processed(out, sequence, LinkHeaders.OUTCOME_FAILED, reason, detail);
        return out.messages();
    }

    /**
     * Route {@code smsc-receive}: a phone's SMS into the MO ring and on to the core. A full ring (or
     * one still waiting for the core's position) answers the SMSC ESME_RMSGQFUL, which it retries.
     */
    public List<Message> sendMo(Exchange exchange, String from, String to, String text) throws ProcessRequestException,
            InterruptedException {
        RingHandle mo = ring(Direction.MO);
        Slot slot;
        try {
            slot = mo.retrieveAndSend(new Payload(UUID.randomUUID().toString(), from, to, null, text), clock.instant(), Duration.ZERO);
        } catch (RingFullException full) {
            throw new ProcessRequestException(full.getMessage(), SmppStatus.ESME_RMSGQFUL.code());
        }
        Outgoing out = new Outgoing(exchange.getContext());
        LinkMessages.data(out, LinkMessages.MO_DATA, Direction.MO, carrier, slot, "0");
        return out.messages();
    }

    /** Route {@code link-reports}: a report or heart-beat from the core. */
    public List<Message> onReport(Exchange exchange) {
        Message report = exchange.getMessage();
        String kind = report.getHeader(LinkHeaders.KIND, String.class);
        Outgoing out = new Outgoing(exchange.getContext());
        LinkMessages.endBatchAfterControl(exchange, kind);
        if (LinkHeaders.KIND_HEARTBEAT.equals(kind)) {
            boolean reconnected = monitor.heard(carrier, Heartbeats.stamps(report));
            if (reconnected) {
                exchange.setProperty(LinkHeaders.RECONNECTED_PROPERTY, carrier);
            }
            Heartbeats.heard(report, carrier, rings.all());
            long attempt = clock.millis();
            resync.onHeartbeat(ring(Direction.MO), Heartbeats.read(report, Direction.MO),
                    Heartbeats.echoedConfirmed(report, Direction.MO), reconnected, monitor.state(carrier),
                    slot -> LinkMessages.data(out, LinkMessages.MO_DATA, Direction.MO, carrier, slot, "r" + attempt),
                    floor -> rebuild(out, floor));
        } else if (LinkHeaders.KIND_REBUILD.equals(kind)) {
            feed(ring(Direction.MT).adoptFloor(report.getHeader(LinkHeaders.FLOOR, Long.class)), out);
        } else if (LinkHeaders.KIND_CONFIRMED.equals(kind)) {
            ring(Direction.MO).confirm(report.getHeader(LinkHeaders.SEQUENCE, Long.class));
        } else if (LinkHeaders.KIND_PROCESSED.equals(kind)) {
            ring(Direction.MO).process(report.getHeader(LinkHeaders.SEQUENCE, Long.class));
        } else {
            LOG.warn("Ignoring a link report of unknown kind '{}'", kind);
        }
        return out.messages();
    }

    /** Route {@code link-heartbeat}: this end's pointers for the core; also notices a silent link. */
    public List<Message> heartbeats(Exchange exchange) {
        monitor.check();
        Outgoing out = new Outgoing(exchange.getContext());
        Heartbeats.write(out, LinkMessages.TO_CORE, carrier, rings.all(), monitor.stampsFor(carrier));
        return out.messages();
    }

    /**
     * The last part's id: camel-smpp gives the submit_sm_resp message ids of all parts as a list; cimd2:
     * gives the last submit's destination:SCTS (ADR 0009).
     */
    private static String smscIdOf(Message message) {
        String cimd2 = message.getHeader(io.sluice.sms.cimd2.client.Cimd2Headers.MESSAGE_ID, String.class);
        if (cimd2 != null) {
            return cimd2;
        }
        List<?> ids = message.getHeader(org.apache.camel.component.smpp.SmppConstants.ID, List.class);
        return ids == null || ids.isEmpty() ? null : String.valueOf(ids.get(ids.size() - 1));
    }

    /** MT slots now next in sequence go to the stop-and-wait SMSC route, in order. */
    private void feed(List<Slot> inOrder, Outgoing out) {
        for (Slot slot : inOrder) {
            LOG.debug("feeding MT sequence {} to the SMSC route", slot.sequence());
            out.to(Destinations.mtQueueOf(carrier), slot.payload().text()).getHeaders().putAll(feedHeaders(slot));
        }
    }

    /**
     * The headers of an MT slot's message on the SMSC route's feed ({@code sluice.mt.<carrier>}); the
     * body is the text. Also written by {@link io.sluice.edge.MtFeed} when it rebuilds the feed at start.
     */
    public Map<String, Object> feedHeaders(Slot slot) {
        Payload payload = slot.payload();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(LinkHeaders.SEQUENCE, slot.sequence());
        headers.put(Headers.SLUICE_ID, payload.messageId());
        headers.put(Headers.TO, payload.recipient());
        headers.put(Headers.SOURCE_ADDRESS, serviceNumber);
        headers.put(Headers.CARRIER, carrier);
        if (payload.validUntil() != null) {
            headers.put(Headers.VALID_UNTIL, payload.validUntil().toEpochMilli());
        }
        return headers;
    }

    private Message processed(Outgoing out, long sequence, String outcome, FailureReason reason, String detail) {
        Message report = report(out, LinkHeaders.KIND_PROCESSED, Direction.MT, sequence);
        report.setHeader(LinkHeaders.OUTCOME, outcome);
        if (reason != null) {
            report.setHeader(Headers.REASON, reason.name());
        }
        report.setHeader(Headers.DETAIL, detail);
        return report;
    }

    private Message report(Outgoing out, String kind, Direction direction, long sequence) {
        return LinkMessages.report(out, LinkMessages.TO_CORE, kind, direction, carrier, sequence);
    }

    private void rebuild(Outgoing out, long floor) {
        Message rebuild = out.to(LinkMessages.TO_CORE, "rebuild mo." + carrier + " from " + floor);
        rebuild.setHeader(LinkHeaders.KIND, LinkHeaders.KIND_REBUILD);
        rebuild.setHeader(LinkHeaders.DIRECTION, Direction.MO.code());
        rebuild.setHeader(Headers.CARRIER, carrier);
        rebuild.setHeader(LinkHeaders.FLOOR, floor);
    }

    private RingHandle ring(Direction direction) {
        return rings.get(direction, carrier);
    }
}
