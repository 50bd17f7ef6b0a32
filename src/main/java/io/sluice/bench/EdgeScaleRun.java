package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 7: MT throughput of one core with several edges, each before its own emulated SMSC link
 * at h = {@code handshake-time}. Repeat by repeat, side by side: a burst to the first carrier only (one
 * edge works: the single-edge throughput), then the same number of messages to every carrier in turn
 * (all edges work: the aggregate). Both are timed at the emulator from its first to its last submit, as
 * {@link MtRun} does. CPU time of each process over the aggregate runs shows where the processors went.
 */
final class EdgeScaleRun {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeScaleRun.class);

    /**
     * @param edges             edges (carriers) of the installation
     * @param single            the first carrier alone, per repeat
     * @param aggregate         every carrier at once, per repeat
     * @param cpuSeconds        CPU seconds used during the aggregate runs
     * @param aggregateSeconds  wall time of the aggregate runs (sending included), for the CPU shares
     * @param load              the machine's 1-minute load average as the first aggregate run started
     * @param warmUp            the aggregate rates of the unmeasured bursts before, in order
     */
    record Result(int edges, List<MtRun.Result> single, List<MtRun.Result> aggregate, Cpu cpuSeconds,
            double aggregateSeconds, String load, List<Double> warmUp) {

        /** Whether the warm-up's rates settled ({@link WarmUp#steady}) before it ran out of bursts. */
        boolean warmedUp() {
            return WarmUp.steady(warmUp);
        }
    }

    /**
     * Unmeasured bursts the warm-up may add after {@link BenchMode.Edges#warmUpRounds} while its rate has not
     * settled. The scale installation starts its JVMs (a core and one per edge) cold, all at once on the same
     * processors, where they compile slowly; the report's CPU per message shows what the 8-edge runs cost, the
     * compilers' share included.
     */
    private static final int EXTRA_WARM_UP_ROUNDS = 5;

    /** The most warm-up bursts {@link #warmUp} sends: its minimum and the extra ones while not settled. */
    static int mostWarmUpRounds(BenchMode.Edges edges) {
        return edges.warmUpRounds() + EXTRA_WARM_UP_ROUNDS;
    }

    /** CPU seconds by process over a stretch of time, and the machine's busy seconds (all processors). */
    record Cpu(double core, double edges, double emulator, double bench, double machine) {
        static final Cpu NONE = new Cpu(0, 0, 0, 0, 0);

        static Cpu of(ScaleSites sites) {
            return new Cpu(CpuTime.seconds(sites.core().pid()),
                    sites.edges().stream().mapToDouble(edge -> CpuTime.seconds(edge.pid())).sum(),
                    CpuTime.seconds(sites.emulatorProcess().pid()), CpuTime.seconds(ProcessHandle.current().pid()),
                    CpuTime.machineBusySeconds());
        }

        /** This plus what was used between two readings. */
        Cpu plusChange(Cpu from, Cpu to) {
            return new Cpu(core + to.core - from.core, edges + to.edges - from.edges,
                    emulator + to.emulator - from.emulator, bench + to.bench - from.bench,
                    machine + to.machine - from.machine);
        }

        /** Busy time of the machine that none of the benchmark's processes used: other work on it. */
        double others() {
            return machine - core - edges - emulator - bench;
        }
    }

    private final ScaleSites sites;
    private final Deliveries deliveries;

    EdgeScaleRun(ScaleSites sites, Deliveries deliveries) {
        this.sites = sites;
        this.deliveries = deliveries;
    }

    Result run(BenchUser sender, BenchMode.Sizes sizes) throws IOException, InterruptedException {
        List<String> carriers = sites.carriers();
        int perCarrier = sizes.edges().messagesPerCarrier();
        MtRun single = new MtRun(sender, sites.emulator(), List.of(ScaleSites.phoneOf(carriers.get(0))));
        MtRun all = new MtRun(sender, sites.emulator(), carriers.stream().map(ScaleSites::phoneOf).toList());
        int total = perCarrier * carriers.size();
        List<Double> warmUp = warmUp(all, sizes.edges());

        List<MtRun.Result> singles = new ArrayList<>();
        List<MtRun.Result> aggregates = new ArrayList<>();
        Cpu cpu = Cpu.NONE;
        double aggregateSeconds = 0;
        String load = "";
        for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
            singles.add(burst(single, "edges-1-r" + repeat, perCarrier, "one edge, run " + repeat));
            load = repeat == 1 ? Machine.loadAverage() : load;
            Cpu before = Cpu.of(sites);
            long start = System.nanoTime();
            aggregates.add(burst(all, "edges-" + carriers.size() + "-r" + repeat, total,
                    carriers.size() + " edges, run " + repeat));
            aggregateSeconds += Polling.seconds(start, System.nanoTime());
            cpu = cpu.plusChange(before, Cpu.of(sites));
            LOG.info("Edge scale run {}: one edge {} /s, {} edges {} /s", repeat, singles.get(repeat - 1).perSecond(),
                    carriers.size(), aggregates.get(repeat - 1).perSecond());
        }
        return new Result(carriers.size(), singles, aggregates, cpu, aggregateSeconds, load, warmUp);
    }

    /**
     * Unmeasured bursts to every carrier, so that every edge's path (link, ring, SMSC bind) has carried traffic
     * until the JITs have compiled it: at least {@code warmUpRounds}, then until the rate settles or
     * {@link #mostWarmUpRounds} have gone. Returns the bursts' aggregate rates, in order.
     */
    private List<Double> warmUp(MtRun all, BenchMode.Edges edges) throws IOException, InterruptedException {
        int messages = edges.warmUpPerCarrier() * edges.count();
        List<Double> rates = new ArrayList<>();
        while (rates.size() < edges.warmUpRounds()
                || (rates.size() < mostWarmUpRounds(edges) && !WarmUp.steady(rates))) {
            int round = rates.size() + 1;
            rates.add(burst(all, "edges-warmup-" + round, messages, "edge scale warm-up " + round).perSecond());
            LOG.info("Edge scale warm-up round {}: {} edges {} /s", round, edges.count(), Math.round(rates.get(round - 1)));
        }
        return List.copyOf(rates);
    }

    private MtRun.Result burst(MtRun run, String tag, int messages, String name)
            throws IOException, InterruptedException {
        MtRun.Result result = run.run(tag, messages, WanSweep.timeoutFor(messages, Duration.ZERO));
        deliveries.add("MT, edge scale, " + name, result.sent(), result.arrived());
        return result;
    }
}
