package io.sluice.emulator.handset;

import java.time.Clock;
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
    private final Clock clock;
    private final Map<String, Handset> byNumber = new ConcurrentHashMap<>();
    private final Map<String, ReceivedMessage> byMessageId = new ConcurrentHashMap<>();

    public Handsets(int inboxLimit) {
        this(inboxLimit, Clock.systemUTC());
    }

    public Handsets(int inboxLimit, Clock clock) {
        this.inboxLimit = inboxLimit;
        this.clock = clock;
    }

    /** A message without a User Data Header. */
    public void receive(ReceivedMessage message) {
        receive(message, (byte) 0, new byte[0]);
    }

    /**
     * One submit as it arrived; a part of a concatenated message (UDHI in {@code esmClass}) is shown
     * once its message is complete.
     *
     * @param octets the short_message, UDH included
     */
    public void receive(ReceivedMessage message, byte esmClass, byte[] octets) {
        byMessageId.put(message.messageId(), message);
        handset(message.to()).receive(message, esmClass, octets)
                .forEach(dropped -> byMessageId.remove(dropped.messageId()));
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
        return byNumber.computeIfAbsent(number, n -> new Handset(n, inboxLimit, new PartJoiner(clock)));
    }
}
