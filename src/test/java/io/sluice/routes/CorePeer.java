package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import io.sluice.testsupport.InVmBroker;

/**
 * The core's side of the link for edge route tests: it sends slot-indexed MT data to carrier alpha's
 * edge and reads what the edge reports back and which events it raises (ADR 0004's link protocol).
 */
final class CorePeer {

    private final InVmBroker broker;
    private final int slots;
    private final Duration wait;

    /** @param slots the MT ring's capacity at the edge (a sequence's slot is sequence mod slots) */
    CorePeer(InVmBroker broker, int slots, Duration wait) {
        this.broker = broker;
        this.slots = slots;
        this.wait = wait;
    }

    /** MT data as the core's ring-mt-send route sends it: sender alice, slot-indexed headers. */
    void sendMt(long sequence, String phone, String text) throws JMSException {
        sendMt(sequence, phone, text, null);
    }

    /** The same, valid until then (epoch ms header {@code valid_until}, ADR 0019), or without a limit if null. */
    void sendMt(long sequence, String phone, String text, Instant validUntil) throws JMSException {
        Map<String, Object> headers = new HashMap<>();
        if (validUntil != null) {
            headers.put("valid_until", validUntil.toEpochMilli());
        }
        headers.put("ring_seq", sequence);
        headers.put("ring_slot", (int) (sequence % slots));
        headers.put("direction", "mt");
        headers.put("carrier", "alpha");
        headers.put("sluice_id", "m" + sequence + "-" + phone);
        headers.put("sender", "alice");
        headers.put("to", phone);
        broker.sendTyped("sluice.link.mt.alpha", headers, text);
    }

    Message nextReport() throws JMSException {
        Message report = nextReport(wait);
        assertThat(report).as("a report from the edge").isNotNull();
        return report;
    }

    /** The next report from the edge, or null if none comes within {@code patience}. */
    Message nextReport(Duration patience) throws JMSException {
        return broker.receive("sluice.link.report", patience);
    }

    /** The report of this kind about this sequence, skipping others (at most 50). */
    Message nextReportOfKind(String kind, long sequence) throws JMSException {
        for (int i = 0; i < 50; i++) {
            Message report = nextReport();
            if (kind.equals(report.getStringProperty("link_kind")) && report.getLongProperty("ring_seq") == sequence) {
                return report;
            }
        }
        throw new AssertionError("no " + kind + " report for " + sequence);
    }

    /** Reports above {@code base} until {@code processed} are processed ones; by kind, in arrival order. */
    Map<String, List<Long>> reportsUntil(long base, int processed) throws JMSException {
        Map<String, List<Long>> byKind = new HashMap<>();
        while (byKind.getOrDefault("processed", List.of()).size() < processed) {
            Message report = nextReport();
            if (report.getLongProperty("ring_seq") <= base || report.getStringProperty("link_kind") == null) {
                continue;
            }
            byKind.computeIfAbsent(report.getStringProperty("link_kind"), kind -> new ArrayList<>())
                    .add(report.getLongProperty("ring_seq"));
        }
        return byKind;
    }

    /** The receipt event about one message (events about other tests' messages are skipped). */
    /** Every event that arrives up to and including the first about {@code sluiceId}, in arrival order. */
    List<Message> eventsUntil(String sluiceId) throws JMSException {
        List<Message> events = new ArrayList<>();
        for (Message event = broker.receive("sluice.events", wait); event != null; event = broker.receive("sluice.events", wait)) {
            events.add(event);
            if (sluiceId.equals(event.getStringProperty("sluice_id"))) {
                return events;
            }
        }
        throw new AssertionError("no event about " + sluiceId + "; before it came " + events.size());
    }

    Message eventAbout(String sluiceId) throws JMSException {
        for (Message event = broker.receive("sluice.events", wait); event != null; event = broker.receive("sluice.events", wait)) {
            if (sluiceId.equals(event.getStringProperty("sluice_id"))) {
                return event;
            }
        }
        throw new AssertionError("no event about " + sluiceId);
    }
}
