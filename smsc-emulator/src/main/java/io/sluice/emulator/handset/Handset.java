package io.sluice.emulator.handset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One simulated phone: its inbox (mobile-terminated) and outbox (mobile-originated), each bounded. */
final class Handset {

    private final String number;
    private final int limit;
    private final Deque<ReceivedMessage> inbox = new ArrayDeque<>();
    /** By id, oldest first, so a status update keeps the order. */
    private final Map<String, SentMessage> outbox = new LinkedHashMap<>();
    private long received;
    private long sent;

    Handset(String number, int limit) {
        this.number = number;
        this.limit = limit;
    }

    /** Adds a message; returns the one that fell out of the inbox to make room, if any. */
    synchronized Optional<ReceivedMessage> receive(ReceivedMessage message) {
        received++;
        inbox.addLast(message);
        return inbox.size() > limit ? Optional.of(inbox.removeFirst()) : Optional.empty();
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
        return new HandsetView(number, received, sent, List.copyOf(inbox), List.copyOf(outbox.values()));
    }
}
