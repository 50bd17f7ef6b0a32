package io.sluice.emulator.outbound;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The SMSC's store-and-forward queue for one ESME account: deliver_sm content waits here, in order,
 * until a receiver of that account takes it.
 */
public final class Mailbox {

    private final LinkedBlockingDeque<OutboundMessage> queue = new LinkedBlockingDeque<>();

    public void add(OutboundMessage message) {
        queue.addLast(message);
    }

    public int size() {
        return queue.size();
    }

    OutboundMessage poll(Duration timeout) throws InterruptedException {
        return queue.pollFirst(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns a message taken but not delivered to the head, so order is kept. */
    void putBack(OutboundMessage message) {
        queue.addFirst(message);
    }
}
