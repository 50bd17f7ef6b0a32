package io.sluice.emulator.traffic;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The emulator's counters and gauges; see {@link StatsSnapshot} for what each one means. */
public final class EmulatorStats {

    private final AtomicLong binds = new AtomicLong();
    private final AtomicLong moPending = new AtomicLong();
    private final AtomicLong receiptsPending = new AtomicLong();

    private final AtomicLong bindsTotal = new AtomicLong();
    private final AtomicLong bindsRefused = new AtomicLong();
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong keepaliveOverlaps = new AtomicLong();
    private final AtomicLong moOriginated = new AtomicLong();
    private final AtomicLong moDelivered = new AtomicLong();
    private final AtomicLong receiptsSent = new AtomicLong();
    private final AtomicLong deliverRetries = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    public void bound() {
        binds.incrementAndGet();
        bindsTotal.incrementAndGet();
    }

    public void unbound() {
        binds.decrementAndGet();
    }

    public void bindRefused() {
        bindsRefused.incrementAndGet();
    }

    public void submitReceived() {
        submits.incrementAndGet();
    }

    public void rejected() {
        rejected.incrementAndGet();
    }

    public void leftUnanswered() {
        unanswered.incrementAndGet();
    }

    public void violation() {
        violations.incrementAndGet();
    }

    public void keepaliveOverlap() {
        keepaliveOverlaps.incrementAndGet();
    }

    public void moOriginated() {
        moOriginated.incrementAndGet();
        moPending.incrementAndGet();
    }

    public void moDelivered() {
        moDelivered.incrementAndGet();
        moPending.decrementAndGet();
    }

    public void moDropped() {
        moPending.decrementAndGet();
    }

    public void receiptScheduled() {
        receiptsPending.incrementAndGet();
    }

    public void receiptSent() {
        receiptsSent.incrementAndGet();
        receiptsPending.decrementAndGet();
    }

    public void receiptDropped() {
        receiptsPending.decrementAndGet();
    }

    /** A session's busy period (some request outstanding) of this many nanoseconds has ended. */
    public void busyFor(long nanos) {
        busyNanos.addAndGet(nanos);
    }

    public void deliverRetried() {
        deliverRetries.incrementAndGet();
    }

    /** Zeroes the counters; the gauges describe live state and stay. */
    public void resetCounters() {
        List.of(bindsTotal, bindsRefused, submits, rejected, unanswered, violations, keepaliveOverlaps,
                moOriginated, moDelivered, receiptsSent, deliverRetries, busyNanos).forEach(counter -> counter.set(0));
    }

    public StatsSnapshot snapshot(List<SessionStats> sessions) {
        return new StatsSnapshot(binds.get(), bindsTotal.get(), bindsRefused.get(), submits.get(), rejected.get(),
                unanswered.get(), violations.get(), keepaliveOverlaps.get(), moOriginated.get(), moDelivered.get(),
                moPending.get(), receiptsSent.get(), receiptsPending.get(), deliverRetries.get(), busyNanos.get(), sessions);
    }
}
