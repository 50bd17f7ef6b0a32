package io.sluice.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a benchmark run is. {@code quick} fits a laptop (a few minutes), {@code full} gives the
 * published figures, {@code smoke} only checks that the harness works end to end (the test suite's form).
 */
public enum BenchMode {
    SMOKE(new Sizes(1, List.of(0, 50), 6, 6, Duration.ofSeconds(2), 10, 40, 20, Duration.ofSeconds(3),
            new Sessions(List.of(10, 50), 10, 20), new Edges(2, 5, 5, 1))),
    QUICK(new Sizes(3, List.of(0, 50, 300, 1000), 150, 100, Duration.ofSeconds(6), 50, 600, 200,
            Duration.ofSeconds(15), new Sessions(List.of(10, 1000, 5000, 10_000), 20, 200), new Edges(8, 40, 150, 3))),
    FULL(new Sizes(5, List.of(0, 50, 300, 1000), 600, 400, Duration.ofSeconds(20), 200, 3000, 1000,
            Duration.ofSeconds(60), new Sessions(List.of(10, 1000, 2500, 5000, 10_000), 20, 600),
            new Edges(8, 150, 150, 12)));

    /**
     * @param repeats          runs of every side-by-side measurement; figures are medians over them
     * @param rttsMillis       WAN round-trip times of the sweep
     * @param mtMessages       MT messages per Sluice throughput run
     * @param moMessages       MO messages per Sluice throughput run (their deliver_sm also give the turnaround)
     * @param baselineDuration how long each baseline (plain SMPP client through the WAN) run submits
     * @param diskSyncs        disk syncs timed for the turnaround's yardstick
     * @param coreMessages     PC-to-PC messages per core throughput run
     * @param latencyMessages  messages per core latency run (paced at half the measured maximum)
     * @param blackHole        length of the WAN black hole of the recovery run
     * @param sessions         measurement 6
     * @param edges            measurement 7
     */
    public record Sizes(int repeats, List<Integer> rttsMillis, int mtMessages, int moMessages,
            Duration baselineDuration, int diskSyncs, int coreMessages, int latencyMessages, Duration blackHole,
            Sessions sessions, Edges edges) {
    }

    /**
     * @param steps          idle sessions held at each step, in increasing order; the first is the reference
     * @param chatPerSecond  the background chat load's paced rate, PC to PC
     * @param chatMessages   messages per latency run of the chat load
     */
    public record Sessions(List<Integer> steps, double chatPerSecond, int chatMessages) {
    }

    /**
     * @param count              edges, each with its own carrier, in the scale installation
     * @param messagesPerCarrier MT messages per carrier in each run (the single-edge run sends this many)
     * @param warmUpPerCarrier   MT messages per carrier in each unmeasured warm-up burst
     * @param warmUpRounds       warm-up bursts sent before their rate may count as settled. Nine JVMs on 2
     *                           processors compile slowly: after 1,350 messages per edge (2026-11-28) C2 was
     *                           still 36 % of an edge's CPU and 16 % of the core's, and 8 edges climbed from 50
     *                           to 80-100 msg/s over 10 bursts of 1,200. Quick mode stops at 3 and measures a
     *                           JIT still at work; full mode sends 12
     */
    public record Edges(int count, int messagesPerCarrier, int warmUpPerCarrier, int warmUpRounds) {
    }

    private final Sizes sizes;

    BenchMode(Sizes sizes) {
        this.sizes = sizes;
    }

    public Sizes sizes() {
        return sizes;
    }
}
