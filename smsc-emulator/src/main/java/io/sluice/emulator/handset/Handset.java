package io.sluice.emulator.handset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated phone: its inbox as the phone shows it (a concatenated message once all its parts
 * arrived), every submit as it arrived (parts), and its outbox (mobile-originated); each bounded.
 */
final class Handset {

    private final String number;
    private final int limit;
    private final Deque<ReceivedMessage> inbox = new ArrayDeque<>();
    private final Deque<ReceivedMessage> parts = new ArrayDeque<>();
    private final PartJoiner joiner;
    /** By id, oldest first, so a status update keeps the order. */
    private final Map<String, SentMessage> outbox = new LinkedHashMap<>();
    private long received;
    private long sent;

    Handset(String number, int limit, PartJoiner joiner) {
        this.number = number;
        this.limit = limit;
        this.joiner = joiner;
    }

    /**
     * Takes one submit; returns the submits that fell out of the parts record to make room (their
     * message ids are forgotten).
     */
    synchronized List<ReceivedMessage> receive(ReceivedMessage part, byte esmClass, byte[] octets) {
        List<ReceivedMessage> dropped = new ArrayList<>();
        parts.addLast(part);
        if (parts.size() > limit) {
            dropped.add(parts.removeFirst());
        }
        for (ReceivedMessage shown : joiner.join(part, esmClass, octets)) {
            received++;
            inbox.addLast(shown);
            if (inbox.size() > limit) {
                inbox.removeFirst();
            }
        }
        return dropped;
    }

    synchronized void send(SentMessage message) {
        sent++;
        outbox.put(message.id(), message);
        if (outbox.size() > limit) {
            outbox.remove(outbox.keySet().iterator().next());
        }
    }

    synchronized void updateStatus(String id, String status) {
        outbox.computeIfPresent(id, (key, message) -> message.withStatus(status));
    }

    synchronized HandsetSummary summary() {
        return new HandsetSummary(number, received, sent);
    }

    synchronized HandsetView view() {
        return new HandsetView(number, received, sent, List.copyOf(inbox), List.copyOf(parts),
                List.copyOf(outbox.values()));
    }
}
