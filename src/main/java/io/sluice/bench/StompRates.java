package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;

/**
 * Drives one sender and one receiver over STOMP: the maximum rate (a burst, a window of unconfirmed
 * durable SENDs) and the latency at a fixed, paced rate. The same code measures Sluice and the bare
 * broker; only the destination and headers differ.
 */
final class StompRates {

    /** Durable SENDs in flight before the sender waits for receipts: enough to hide the loopback round trip. */
    static final int WINDOW = 64;

    /** A sender, a destination with its headers, and the receiver whose arrivals count. */
    record Path(BenchUser sender, String destination, Map<String, String> headers, BenchUser receiver) {
    }

    /** Sluice's PC-to-PC path: alice's outbox, addressed to bob, arriving in bob's inbox. */
    static Path pcToPc(BenchUser alice, BenchUser bob) {
        return new Path(alice, MtRun.OUTBOX, Map.of("to", "bob"), bob);
    }

    /** @param perSecond messages per second, from the first SEND to the last arrival */
    record MaxRate(double perSecond, long sent, long arrived) {
    }

    /** @param nanos send-to-arrival time of every message that arrived */
    record Latencies(long[] nanos, long sent) {
    }

    private StompRates() {
    }

    static MaxRate maxRate(Path path, String tag, int messages, Duration timeout)
            throws IOException, InterruptedException {
        Arrivals.Tally tally = path.receiver().arrivals().expect(tag, messages);
        Semaphore window = new Semaphore(WINDOW);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            window.acquire();
            path.sender().sendConfirmed(path.destination(), path.headers(), Arrivals.text(tag, i))
                    .whenComplete((receipt, error) -> window.release());
        }
        tally.awaitAll(timeout);
        long[] times = tally.sortedTimes();
        double perSecond = times.length == 0 ? Double.NaN
                : times.length / Polling.seconds(start, times[times.length - 1]);
        return new MaxRate(perSecond, messages, times.length);
    }

    static Latencies latencies(Path path, String tag, int messages, double perSecond, Duration timeout)
            throws IOException, InterruptedException {
        Arrivals.Tally tally = path.receiver().arrivals().expect(tag, messages);
        long interval = (long) (1e9 / perSecond);
        long[] sentAt = new long[messages];
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            Polling.pauseUntil(start + i * interval);
            sentAt[i] = System.nanoTime();
            path.sender().sendConfirmed(path.destination(), path.headers(), Arrivals.text(tag, i));
        }
        tally.awaitAll(timeout);
        long[] arrivedAt = tally.arrivedAt();
        return new Latencies(IntStream.range(0, messages).filter(i -> arrivedAt[i] != 0)
                .mapToLong(i -> arrivedAt[i] - sentAt[i]).toArray(), messages);
    }
}
