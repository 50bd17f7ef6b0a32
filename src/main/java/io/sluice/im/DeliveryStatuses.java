package io.sluice.im;

import jakarta.jms.TextMessage;
import io.sluice.core.Destinations;
import io.sluice.core.InboxDeliveries;

/**
 * Tells the sender of a chat message that it was delivered, once the recipient's client took it from
 * the inbox ({@link InboxDeliveries}). Best effort (see {@link BackgroundSender}): a core that stops
 * between the delivery and this status loses the status, never the message (the recipient has it).
 */
public final class DeliveryStatuses {

    private final BackgroundSender sender;

    public DeliveryStatuses(BackgroundSender sender) {
        this.sender = sender;
    }

    /** Called on a broker thread: queues the status and returns at once. */
    public void delivered(InboxDeliveries.Delivery delivery) {
        sender.execute(out -> {
            String detail = "Delivered to " + delivery.recipient() + ".";
            TextMessage status = out.message(detail);
            status.setStringProperty(Headers.TYPE, "status");
            status.setStringProperty(Headers.STATUS, MessageStatus.DELIVERED.code());
            status.setStringProperty(Headers.SLUICE_ID, delivery.sluiceId());
            if (delivery.senderRef() != null) {
                status.setStringProperty(Headers.CLIENT_REF, delivery.senderRef());
            }
            status.setStringProperty(Headers.DETAIL, detail);
            out.toQueue(Destinations.inboxOf(delivery.sender()), status);
        });
    }
}
