package io.sluice.link;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sluice.im.Headers;
import io.sluice.im.MessageStatus;
import io.sluice.im.MoRouter;
import io.sluice.ring.Direction;
import io.sluice.ring.Flag;
import io.sluice.ring.Ring;
import io.sluice.ring.Slot;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's end of each carrier link (ADR 0004): mirror of the MO ring (routes {@code ring-mo-accept}),
 * origin of the MT ring's reports and re-synchronisation ({@code link-reports}), and heart-beats
 * ({@code link-heartbeat}). Every method returns the messages to send; the route sends them in its
 * transaction. What a batch of these routes changed in the rings follows its transaction through the
 * routes' batch listener ({@code coreLinkBatches}, ADR 0026).
 */
public final class CoreLinkEnd {

    private static final Logger LOG = LoggerFactory.getLogger(CoreLinkEnd.class);

    private final RingRegistry rings;
    private final MoRouter moRouter;
    private final LinkMonitor monitor;
    private final Resync resync;
    private final Set<String> carriers;
    private final Clock clock;

    public CoreLinkEnd(RingRegistry rings, MoRouter moRouter, LinkMonitor monitor, Resync resync, Set<String> carriers,
                       Clock clock) {
        this.rings = rings;
        this.moRouter = moRouter;
        this.monitor = monitor;
        this.resync = resync;
        this.carriers = carriers;
        this.clock = clock;
    }

    /** An MO message from an edge: store it in the mirror slot, deliver what is next in order. */
    public List<Message> acceptMo(Exchange exchange) {
        Message data = exchange.getMessage();
        String carrier = data.getHeader(Headers.CARRIER, String.class);
        long sequence = data.getHeader(LinkHeaders.SEQUENCE, Long.class);
        RingHandle ring = rings.get(Direction.MO, carrier);
        Ring.Accepted accepted = ring.accept(sequence, LinkMessages.payloadOf(data), clock.instant());
        Outgoing out = new Outgoing(exchange.getContext());
        switch (accepted.outcome()) {
            case SLOT_BUSY -> throw new IllegalStateException("MO sequence " + sequence + " of " + carrier
                    + " overran the core's ring; it will be taken when its slot is free");
            case ALREADY_PROCESSED -> report(out, LinkHeaders.KIND_PROCESSED, carrier, sequence);
            case DUPLICATE -> report(out, LinkHeaders.KIND_CONFIRMED, carrier, sequence);
            case STORED -> {
                if (accepted.inOrder().stream().noneMatch(slot -> slot.sequence() == sequence)) {
                    report(out, LinkHeaders.KIND_CONFIRMED, carrier, sequence); // held back behind a gap
                }
            }
        }
        deliver(ring, accepted.inOrder(), out);
        return out.messages();
    }

    /** A report or heart-beat from an edge. */
    public List<Message> onReport(Exchange exchange) {
        Message report = exchange.getMessage();
        String carrier = report.getHeader(Headers.CARRIER, String.class);
        String kind = report.getHeader(LinkHeaders.KIND, String.class);
        Outgoing out = new Outgoing(exchange.getContext());
        LinkMessages.endBatchAfterControl(exchange, kind);
        if (LinkHeaders.KIND_HEARTBEAT.equals(kind)) {
            onHeartbeat(exchange, carrier, out);
            return out.messages();
        }
        if (LinkHeaders.KIND_REBUILD.equals(kind)) {
            RingHandle mo = rings.get(Direction.MO, carrier);
            deliver(mo, mo.adoptFloor(report.getHeader(LinkHeaders.FLOOR, Long.class)), out);
            return out.messages();
        }
        RingHandle mt = rings.get(Direction.MT, carrier);
        long sequence = report.getHeader(LinkHeaders.SEQUENCE, Long.class);
        Optional<Slot> before = mt.ring().slot(sequence);
        // a replay after an outage makes the edge confirm again what it had stored: the sender hears it once
        boolean wasConfirmed = before.map(slot -> slot.has(Flag.CONFIRMED)).orElse(true);
        if (LinkHeaders.KIND_CONFIRMED.equals(kind)) {
            mt.confirm(sequence).filter(slot -> !wasConfirmed && slot.payload().sender() != null).ifPresent(slot ->
                    LinkMessages.status(out, slot.payload().sender(), slot.messageId(), slot.payload().reference(),
                            MessageStatus.CONFIRMED, null, "Stored at carrier " + carrier + "'s edge."));
        } else if (LinkHeaders.KIND_PROCESSED.equals(kind)) {
            // in one step, whether its slot is processed now or its record was stranded (ADR 0026)
            mt.processReported(sequence).filter(slot -> slot.payload().sender() != null)
                    .ifPresent(slot -> processedStatus(out, slot, report));
        } else {
            LOG.warn("Ignoring a link report of unknown kind '{}' from carrier {}", kind, carrier);
        }
        return out.messages();
    }

    /** One heart-beat per carrier, with this end's pointers; also notices silent links. */
    public List<Message> heartbeats(Exchange exchange) {
        monitor.check();
        Outgoing out = new Outgoing(exchange.getContext());
        carriers.forEach(carrier -> Heartbeats.write(out, LinkMessages.toEdge(carrier), carrier,
                rings.all(), monitor.stampsFor(carrier)));
        return out.messages();
    }

    private void onHeartbeat(Exchange exchange, String carrier, Outgoing out) {
        Message heartbeat = exchange.getMessage();
        boolean reconnected = monitor.heard(carrier, Heartbeats.stamps(heartbeat));
        if (reconnected) {
            exchange.setProperty(LinkHeaders.RECONNECTED_PROPERTY, carrier);
        }
        Heartbeats.heard(heartbeat, carrier, rings.all());
        RingHandle mt = rings.get(Direction.MT, carrier);
        long[] attempt = {clock.millis()};
        resync.onHeartbeat(mt, Heartbeats.read(heartbeat, Direction.MT),
                Heartbeats.echoedConfirmed(heartbeat, Direction.MT), reconnected, monitor.state(carrier),
                slot -> MtOrigin.resend(out, carrier, slot, attempt[0]),
                floor -> {
                    Message rebuild = out.to(LinkMessages.toEdge(carrier), "rebuild mt." + carrier + " from " + floor);
                    rebuild.setHeader(LinkHeaders.KIND, LinkHeaders.KIND_REBUILD);
                    rebuild.setHeader(LinkHeaders.DIRECTION, Direction.MT.code());
                    rebuild.setHeader(Headers.CARRIER, carrier);
                    rebuild.setHeader(LinkHeaders.FLOOR, floor);
                });
    }

    private void deliver(RingHandle mo, List<Slot> inOrder, Outgoing out) {
        for (Slot slot : inOrder) {
            moRouter.deliver(slot.payload(), mo.carrier(), out);
            mo.process(slot.sequence());
            report(out, LinkHeaders.KIND_PROCESSED, mo.carrier(), slot.sequence());
        }
    }

    private static void report(Outgoing out, String kind, String carrier, long sequence) {
        LinkMessages.report(out, LinkMessages.toEdge(carrier), kind, Direction.MO, carrier, sequence);
    }

    private static void processedStatus(Outgoing out, Slot slot, Message report) {
        boolean ok = !LinkHeaders.OUTCOME_FAILED.equals(report.getHeader(LinkHeaders.OUTCOME, String.class));
        LinkMessages.status(out, slot.payload().sender(), slot.messageId(), slot.payload().reference(),
                ok ? MessageStatus.PROCESSED : MessageStatus.FAILED,
                ok ? null : report.getHeader(Headers.REASON, String.class),
                report.getHeader(Headers.DETAIL, String.class));
    }
}
