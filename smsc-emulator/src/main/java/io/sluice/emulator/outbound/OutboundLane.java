package io.sluice.emulator.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC's stop-and-wait sender towards one bound receiver session (SMPP 3.4 §4.6.1 deliver_sm):
 * a single thread takes the next message of its account's {@link Mailbox}, sends it and waits for
 * the deliver_sm_resp before taking another, so the ESME never has two deliver_sm outstanding.
 *
 * <p>An error response or a timeout sends the same message again after the retry interval; nothing
 * behind it overtakes it. When the session goes, the message in hand goes back to the head of the
 * mailbox for the next receiver.
 */
public final class OutboundLane {

    private static final Logger log = LoggerFactory.getLogger(OutboundLane.class);

    /** How long an idle lane waits for a message before checking whether it was stopped. */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final Mailbox mailbox;
    private final Deliverer deliverer;
    private final Duration retryInterval;
    private final OutboundEvents events;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    public OutboundLane(String name, Mailbox mailbox, Deliverer deliverer, Duration retryInterval,
            OutboundEvents events) {
        this.mailbox = mailbox;
        this.deliverer = deliverer;
        this.retryInterval = retryInterval;
        this.events = events;
        this.thread = new Thread(this::run, "lane-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops taking messages; one in hand goes back to the mailbox. */
    public void stop() {
        stopped.countDown();
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    private void run() {
        try {
            while (!isStopped()) {
                OutboundMessage message = mailbox.poll(IDLE_POLL);
                if (message != null && !deliverWithRetries(message)) {
                    mailbox.putBack(message);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns false when the message is still undelivered because the session or the lane went away. */
    private boolean deliverWithRetries(OutboundMessage message) throws InterruptedException {
        while (!isStopped()) {
            try {
                deliverer.deliver(message);
                events.delivered(message);
                return true;
            } catch (DeliveryException e) {
                if (!e.isRetryable()) {
                    events.dropped(message, e.getMessage());
                    return true;
                }
                events.retrying(message, e.getMessage());
                if (stopped.await(retryInterval.toNanos(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            } catch (IOException | IllegalStateException e) {
                log.info("Receiver session gone with {} {} in hand: {}", message.kind(), message.id(), e.getMessage());
                return false;
            }
        }
        return false;
    }
}
