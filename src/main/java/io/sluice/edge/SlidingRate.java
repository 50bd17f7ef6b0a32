package io.sluice.edge;

import java.util.function.LongSupplier;

/**
 * Events per second over the last minute, for operators reading an MBean: one-second buckets for the
 * sixty whole seconds before this one and this one, and a running total. Counting is cheap (one array slot per event); nothing runs between events.
 */
public final class SlidingRate {

    private static final int SECONDS = 60;
    /** The sixty whole seconds of the window and the current one, still filling. */
    private static final int BUCKETS = SECONDS + 1;

    private final LongSupplier clockMillis;
    private final long[] buckets = new long[BUCKETS];
    /** The second (since the epoch) each bucket currently counts. */
    private final long[] bucketSecond = new long[BUCKETS];
    private long total;

    public SlidingRate(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    public synchronized void record() {
        long second = clockMillis.getAsLong() / 1000;
        int index = (int) (second % BUCKETS);
        if (bucketSecond[index] != second) {
            bucketSecond[index] = second;
            buckets[index] = 0;
        }
        buckets[index]++;
        total++;
    }

    /** Events per second over the sixty whole seconds before the current one. */
    public synchronized double perSecond() {
        long now = clockMillis.getAsLong() / 1000;
        long events = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long age = now - bucketSecond[i];
            if (age >= 1 && age <= SECONDS) {
                events += buckets[i];
            }
        }
        return (double) events / SECONDS;
    }

    public synchronized long total() {
        return total;
    }
}
