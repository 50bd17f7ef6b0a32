package io.sluice.im;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How fast one IM user may send (issue 7, floods from one client): a token bucket per user, holding
 * {@code burst} messages and refilled at {@code perSecond}. A message over the limit is refused with
 * {@link FailureReason#RATE_LIMITED} — answered, not dropped — and costs the sender nothing further,
 * so a client that keeps flooding stays refused while one that pauses is served again.
 */
public final class SenderRateLimit {

    /** No limit (route tests, and a core configured with {@code per-second: 0}). */
    public static final SenderRateLimit NONE = new SenderRateLimit(0, 0, System::nanoTime);

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SenderRateLimit(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one message's token for this user; false when the user is over the limit. */
    public boolean tryAcquire(String user) {
        if (perSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(user, u -> new Bucket(burst, nanoClock.getAsLong())).take(nanoClock.getAsLong());
    }

    /**
     * Gives back a token {@link #tryAcquire} took for a message that will come again: its batch rolled
     * back, and the message is taken anew from the outbox. Never above the burst.
     */
    public void giveBack(String user) {
        Bucket bucket = buckets.get(user);
        if (bucket != null) {
            bucket.giveBack();
        }
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized void giveBack() {
            tokens = Math.min(burst, tokens + 1);
        }
    }
}
