package io.sluice.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each expected message reached a client. Benchmark messages carry {@code "<tag> <index>"} as
 * their text; a run expects a tag with a count, and the client's reader thread records arrivals.
 * A repeated index (a redelivery) is counted once, at its first arrival.
 */
final class Arrivals {

    private static final long NOT_YET = 0;

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /** Arrival times of one run's messages, {@link System#nanoTime()} readings by index. */
    static final class Tally {
        private final long[] arrivedAt;
        private int count;

        private Tally(int expected) {
            this.arrivedAt = new long[expected];
        }

        synchronized void arrived(int index, long nanos) {
            if (index >= 0 && index < arrivedAt.length && arrivedAt[index] == NOT_YET) {
                arrivedAt[index] = nanos;
                count++;
                notifyAll();
            }
        }

        /** Waits until every expected message has arrived; false when {@code timeout} passes first. */
        synchronized boolean awaitAll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < arrivedAt.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        synchronized int count() {
            return count;
        }

        /** Arrival time of each message by index; {@code 0} for one that has not arrived. */
        synchronized long[] arrivedAt() {
            return arrivedAt.clone();
        }

        /** The arrival times of the messages that arrived, in time order. */
        synchronized long[] sortedTimes() {
            return Arrays.stream(arrivedAt).filter(t -> t != NOT_YET).sorted().toArray();
        }
    }

    Tally expect(String tag, int count) {
        Tally tally = new Tally(count);
        tallies.put(tag, tally);
        return tally;
    }

    /** A text arrived: if it is {@code "<tag> <index>"} of an expected run, record it. */
    void arrived(String text, long nanos) {
        int space = text.indexOf(' ');
        if (space < 0) {
            return;
        }
        Tally tally = tallies.get(text.substring(0, space));
        if (tally == null) {
            return;
        }
        try {
            tally.arrived(Integer.parseInt(text.substring(space + 1).trim()), nanos);
        } catch (NumberFormatException notOurs) {
            // some other text that starts like a tag: not a benchmark message
        }
    }

    /** The text of message {@code index} of run {@code tag}. */
    static String text(String tag, int index) {
        return tag + " " + index;
    }
}
