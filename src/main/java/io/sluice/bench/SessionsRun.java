package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 6: idle STOMP sessions held by the scale installation's core (1 GiB heap) while a background
 * chat load, PC to PC at a fixed paced rate, measures its latency. The idle sessions grow step by step
 * ({@link IdleSessions}); at each step, once every session is open (or refused), the core's live heap is
 * read after a full collection and the chat load runs {@code repeats} times. The first step's p99 (10
 * sessions in every mode) is the reference. The figure, "sessions held", is the largest step at which (a)
 * every session of the step is still open and heart-beating and (b) the chat p99 is within
 * {@link #HELD_WITHIN} of the reference, medians of the repeats on both sides (ADR 0011). A step below it
 * that missed (b) does not lower the figure; the report shows it, flagged.
 */
final class SessionsRun {

    private static final Logger LOG = LoggerFactory.getLogger(SessionsRun.class);

    /** The bound on the chat p99, as a multiple of its value at the first step. */
    static final double HELD_WITHIN = 2.0;

    /**
     * One step.
     *
     * @param sessions     idle sessions asked for
     * @param counts       the sessions after the step's chat runs (refused and dropped counted since the start)
     * @param rampSeconds  from asking for the step's new sessions to all of them being open or refused
     * @param liveHeapBytes the core's heap in use after a full collection, -1 when it could not be read
     * @param load         the machine's 1-minute load average as the chat runs started
     * @param latencyRuns  send-to-arrival times of each chat run, nanoseconds
     */
    record Step(int sessions, IdleSessions.Counts counts, double rampSeconds, long liveHeapBytes, String load,
            List<long[]> latencyRuns) {

        List<Double> p99s() {
            return latencyRuns.stream().map(run -> Spread.quantile(run, 0.99)).toList();
        }

        long[] pooled() {
            return latencyRuns.stream().flatMapToLong(Arrays::stream).toArray();
        }

        /** The chat p99 of the step, median over its runs. */
        double medianP99() {
            return Spread.of(p99s()).median();
        }

        /** (a): every session asked for is open and heart-beating; none was refused or dropped up to this step. */
        boolean allHeld() {
            return counts.allHeld();
        }
    }

    /**
     * @param steps          in increasing order of sessions
     * @param serverHeartBeat the heart-beat header of the core's CONNECTED
     */
    record Result(List<Step> steps, String serverHeartBeat) {

        /** The first step's chat p99, median over its runs: the reference of every ratio. */
        double referenceP99() {
            return steps.isEmpty() ? Double.NaN : steps.get(0).medianP99();
        }

        /** Chat p99 of each run of a step over the reference, for the table's spread. */
        Spread ratio(Step step) {
            double reference = referenceP99();
            return Spread.of(step.p99s().stream().map(p99 -> p99 / reference).toList());
        }

        /** (b): the step's median p99 over the reference's median p99 is within {@link #HELD_WITHIN}. */
        boolean withinLatencyBound(Step step) {
            return step.medianP99() / referenceP99() <= HELD_WITHIN;
        }

        /** The step counts: (a) and (b) both hold at it. */
        boolean held(Step step) {
            return step.allHeld() && withinLatencyBound(step);
        }

        /** The figure: the largest step held; 0 when none was. */
        int held() {
            return steps.stream().filter(this::held).mapToInt(Step::sessions).max().orElse(0);
        }

        /** Steps below the figure that missed the latency bound (b): shown and flagged, never hidden. */
        List<Step> missedBelowHeld() {
            int held = held();
            return steps.stream().filter(step -> step.sessions() < held && !withinLatencyBound(step)).toList();
        }
    }

    private final ScaleSites sites;
    private final Deliveries deliveries;

    SessionsRun(ScaleSites sites, Deliveries deliveries) {
        this.sites = sites;
        this.deliveries = deliveries;
    }

    Result run(StompRates.Path chat, BenchMode.Sizes sizes) throws IOException, InterruptedException {
        BenchMode.Sessions plan = sizes.sessions();
        // unmeasured: the chat path through this core is compiled before the reference step
        StompRates.MaxRate warmUp = StompRates.maxRate(chat, "sessions-warmup", sizes.coreMessages(),
                WanSweep.timeoutFor(sizes.coreMessages(), Duration.ZERO));
        deliveries.add("PC to PC, sessions warm-up", warmUp.sent(), warmUp.arrived());
        List<Step> steps = new ArrayList<>();
        try (IdleSessions idle = new IdleSessions(sites.stompPort, ScaleSites.IDLE_LOGINS, IdleSessions.HEART_BEAT)) {
            for (int count : plan.steps()) {
                long start = System.nanoTime();
                idle.growTo(count);
                IdleSessions.Counts ramped = idle.awaitSettled(rampTimeout(count));
                double rampSeconds = Polling.seconds(start, System.nanoTime());
                long heap = liveHeap();
                String load = Machine.loadAverage();
                List<long[]> runs = new ArrayList<>();
                for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
                    runs.add(chat(chat, "sessions-" + count + "-r" + repeat, plan));
                }
                Step step = new Step(count, idle.counts(), rampSeconds, heap, load, runs);
                steps.add(step);
                LOG.info("{} idle sessions ({}; ramp {} s, live heap {} MiB): chat p99 {}", count, step.counts(),
                        Math.round(rampSeconds), heap / (1 << 20), step.p99s());
                if (ramped.open() < count) {
                    break; // the core holds no more: higher steps would measure the same refusals
                }
            }
            return new Result(steps, idle.serverHeartBeat());
        }
    }

    private long[] chat(StompRates.Path chat, String tag, BenchMode.Sessions plan)
            throws IOException, InterruptedException {
        int messages = plan.chatMessages();
        Duration timeout = WanSweep.timeoutFor(messages, Duration.ZERO)
                .plusSeconds((long) Math.ceil(messages / plan.chatPerSecond()));
        StompRates.Latencies latencies = StompRates.latencies(chat, tag, messages, plan.chatPerSecond(), timeout);
        deliveries.add("PC to PC chat with idle sessions, " + tag, latencies.sent(), latencies.nanos().length);
        return latencies.nanos();
    }

    private long liveHeap() throws InterruptedException {
        try {
            return HeapUse.afterFullGc(sites.core().pid());
        } catch (IOException e) {
            LOG.warn("Could not read the core's heap: {}", e.getMessage());
            return -1;
        }
    }

    /** Generous: the sessions are opened at a few hundred a second at worst on a loaded machine. */
    static Duration rampTimeout(int sessions) {
        return Duration.ofSeconds(60).plusMillis(sessions * 30L);
    }
}
