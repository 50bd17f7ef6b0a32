package io.sluice.emulator.handset;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated phones, created on first use: by a submit to their number or by a message they send.
 * Also finds received messages by message_id, for query_sm.
 */
public final class Handsets {

    private final int inboxLimit;
    private final Map<String, Handset> byNumber = new ConcurrentHashMap<>();
    private final Map<String, ReceivedMessage> byMessageId = new ConcurrentHashMap<>();

    public Handsets(int inboxLimit) {
        this.inboxLimit = inboxLimit;
    }

    public void receive(ReceivedMessage message) {
        byMessageId.put(message.messageId(), message);
        handset(message.to()).receive(message).ifPresent(dropped -> byMessageId.remove(dropped.messageId()));
    }

    public void send(String number, SentMessage message) {
        handset(number).send(message);
    }

    public void updateStatus(String number, String id, String status) {
        Optional.ofNullable(byNumber.get(number)).ifPresent(handset -> handset.updateStatus(id, status));
    }

    public List<HandsetSummary> summaries() {
        return byNumber.values().stream().map(Handset::summary)
                .sorted(Comparator.comparing(HandsetSummary::number)).toList();
    }

    /** The handset with this number; an empty one when it has not sent or received anything. */
    public HandsetView find(String number) {
        Handset handset = byNumber.get(number);
        return handset == null ? HandsetView.empty(number) : handset.view();
    }

    public Optional<ReceivedMessage> findMessage(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    public void clear() {
        byNumber.clear();
        byMessageId.clear();
    }

    private Handset handset(String number) {
        return byNumber.computeIfAbsent(number, n -> new Handset(n, inboxLimit));
    }
}
