package io.sluice.core;

import java.util.function.Consumer;

import io.sluice.im.Headers;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;

/**
 * Notices when a chat message leaves an inbox for its recipient's client, so that the sender can be
 * told "delivered". The broker calls this on its own threads: the listener must only hand the
 * delivery on, never block or send from here.
 */
public final class InboxDeliveries implements ActiveMQServerMessagePlugin {

    /** A chat message from IM user {@code sender} reached {@code recipient}'s client. */
    public record Delivery(String sender, String recipient, String sluiceId, String senderRef) {
    }

    private volatile Consumer<Delivery> listener = delivery -> { };

    public void onDelivery(Consumer<Delivery> listener) {
        this.listener = listener;
    }

    @Override
    public void afterDeliver(ServerConsumer consumer, MessageReference reference) {
        if (consumer.isBrowseOnly()) {
            return; // an operator looking at the queue is not the recipient reading it
        }
        String queue = reference.getQueue().getName().toString();
        Message message = reference.getMessage();
        if (!queue.startsWith(Destinations.INBOX_PREFIX) || !"chat".equals(property(message, Headers.TYPE))) {
            return;
        }
        String sender = property(message, Headers.FROM);
        if (sender == null || sender.startsWith("+")) {
            return; // phones are not sent a receipt for every message read
        }
        listener.accept(new Delivery(sender, queue.substring(Destinations.INBOX_PREFIX.length()),
                property(message, Headers.SLUICE_ID), property(message, Headers.SENDER_REF)));
    }

    private static String property(Message message, String name) {
        Object value = message.getObjectProperty(name);
        return value == null ? null : value.toString();
    }
}
