package io.sluice.emulator.outbound;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Puts delivery receipts into their account's mailbox once the simulated network has "delivered"
 * the message, i.e. after the receipt delay.
 */
public final class ReceiptScheduler implements AutoCloseable {

    private final Mailboxes mailboxes;
    private final Duration delay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "smpp-receipts");
        thread.setDaemon(true);
        return thread;
    });

    public ReceiptScheduler(Mailboxes mailboxes, Duration delay) {
        this.mailboxes = mailboxes;
        this.delay = delay;
    }

    /** Builds the receipt when it falls due (its done date is then) and queues it for {@code systemId}. */
    public void schedule(String systemId, Supplier<OutboundMessage> receipt) {
        timer.schedule(() -> mailboxes.of(systemId).add(receipt.get()), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
