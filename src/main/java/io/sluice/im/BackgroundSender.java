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

/**
 * Sends notices (delivered statuses, presence) from one thread of its own, on its own connection to
 * the site broker. Broker plugins hand work here: they run on the broker's threads, which must never
 * block on or send to the broker themselves. Best effort: a notice lost to a crash is not a message
 * lost (the state it describes is re-sent on the next change or subscription).
 */
public final class BackgroundSender implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackgroundSender.class);

    /** What a task writes with: text messages to queues or topics of the site broker. */
    public interface Out {
        TextMessage message(String text) throws JMSException;

        void toQueue(String queue, TextMessage message) throws JMSException;

        void toTopic(String topic, TextMessage message) throws JMSException;
    }

    /** Work to do on the sender's thread. */
    @FunctionalInterface
    public interface Task {
        void run(Out out) throws JMSException;
    }

    private final ConnectionFactory connectionFactory;
    private final String name;
    private final ExecutorService thread;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    public BackgroundSender(ConnectionFactory connectionFactory, String name) {
        this.connectionFactory = connectionFactory;
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Queues the task and returns at once; tasks run one at a time, in the order given. */
    public void execute(Task task) {
        thread.execute(() -> run(task));
    }

    private void run(Task task) {
        try {
            if (producer == null) {
                connection = connectionFactory.createConnection();
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(null);
            }
            task.run(new Out() {
                @Override
                public TextMessage message(String text) throws JMSException {
                    return session.createTextMessage(text);
                }

                @Override
                public void toQueue(String queue, TextMessage message) throws JMSException {
                    producer.send(session.createQueue(queue), message);
                }

                @Override
                public void toTopic(String topic, TextMessage message) throws JMSException {
                    producer.send(session.createTopic(topic), message);
                }
            });
        } catch (JMSException | RuntimeException e) {
            LOG.warn("{}: a notice was not sent: {}", name, e.toString());
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
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        closeConnection();
    }
}
