package io.sluice.im;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import io.sluice.core.Destinations;
import io.sluice.core.InboxDeliveries;

/**
 * Tells the sender of a chat message that it was delivered, once the recipient's client took it from
 * the inbox ({@link InboxDeliveries}). Sent from one thread of its own, outside the broker's threads.
 * Best effort: a core that stops between the delivery and this status loses the status, never the
 * message (the recipient has it).
 */
public final class DeliveryStatuses implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeliveryStatuses.class);

    private final ConnectionFactory connectionFactory;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-statuses");
        thread.setDaemon(true);
        return thread;
    });
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    public DeliveryStatuses(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** Called on a broker thread: queues the status and returns at once. */
    public void delivered(InboxDeliveries.Delivery delivery) {
        sender.execute(() -> send(delivery));
    }

    private void send(InboxDeliveries.Delivery delivery) {
        try {
            if (producer == null) {
                connection = connectionFactory.createConnection();
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(null);
            }
            TextMessage status = session.createTextMessage();
            String detail = "Delivered to " + delivery.recipient() + ".";
            status.setStringProperty(Headers.TYPE, "status");
            status.setStringProperty(Headers.STATUS, MessageStatus.DELIVERED.code());
            status.setStringProperty(Headers.SLUICE_ID, delivery.sluiceId());
            if (delivery.senderRef() != null) {
                status.setStringProperty(Headers.CLIENT_REF, delivery.senderRef());
            }
            status.setStringProperty(Headers.DETAIL, detail);
            status.setText(detail);
            producer.send(session.createQueue(Destinations.inboxOf(delivery.sender())), status);
        } catch (JMSException | RuntimeException e) {
            LOG.warn("Could not tell {} that message {} was delivered: {}", delivery.sender(), delivery.sluiceId(), e.toString());
            closeConnection(); // reconnect for the next one
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException ignored) {
            // already broken
        }
        connection = null;
        session = null;
        producer = null;
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        closeConnection();
    }
}
