package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 1 (and the data of 2 and 3): MT and MO throughput through Sluice and the baseline's, at
 * every WAN round trip of the mode, side by side: at each RTT of a repeat, MT, MO and baseline run one
 * after the other, so all three see the same machine; then the next RTT, then the next repeat.
 */
final class WanSweep {

    private static final Logger LOG = LoggerFactory.getLogger(WanSweep.class);

    /** The runs at one round-trip time, in repeat order. */
    static final class AtRtt {
        final List<MtRun.Result> mt = new ArrayList<>();
        final List<MoRun.Result> mo = new ArrayList<>();
        final List<BaselineRun.Result> baseline = new ArrayList<>();
    }

    private final BenchSites sites;
    private final BenchMode.Sizes sizes;
    private final MtRun mtRun;
    private final MoRun moRun;
    private final MoTurnaround turnaround;
    private final Map<Integer, AtRtt> byRtt = new LinkedHashMap<>();
    private CpuAccount mtCpu;

    WanSweep(BenchSites sites, BenchMode.Sizes sizes, BenchUser alice, BenchUser bob, MoTurnaround turnaround) {
        this.sites = sites;
        this.sizes = sizes;
        this.mtRun = new MtRun(alice, sites.emulator());
        this.moRun = new MoRun(bob, sites.emulator());
        this.turnaround = turnaround;
    }

    Map<Integer, AtRtt> run(Deliveries deliveries) throws IOException, InterruptedException {
        BaselineRun baselineRun = new BaselineRun(sites.smscWanPort);
        mtCpu = new CpuAccount(sites.pidsByName());
        // Repeat by repeat, every RTT in turn, each repeat starting one RTT further on: a slow drift of the
        // machine (JIT, other load) then spreads over all RTTs instead of always favouring the one measured last.
        // It evens out fully only when the repeats are a multiple of the RTTs (quick: 3 repeats of 4 RTTs leave
        // RTT 1000 a little later on average than RTT 300); the warm-up is what keeps the drift small.
        for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
            for (int rttMs : inTurn(sizes.rttsMillis(), repeat)) {
                Duration rtt = Duration.ofMillis(rttMs);
                sites.coreWan().roundTrip(rtt);
                sites.smscWan().roundTrip(rtt);
                AtRtt at = byRtt.computeIfAbsent(rttMs, k -> new AtRtt());
                String tag = "rtt" + rttMs + "r" + repeat;
                CpuAccount.Reading beforeMt = mtCpu.read();
                MtRun.Result mt = mtRun.run("mt-" + tag, sizes.mtMessages(), timeoutFor(sizes.mtMessages(), rtt));
                mtCpu.addSince(beforeMt, mt.arrived());
                deliveries.add("MT at RTT " + rttMs + " ms, run " + repeat, mt.sent(), mt.arrived());
                MoRun.Result mo = moRun.run("mo-" + tag, sizes.moMessages(), timeoutFor(sizes.moMessages(), rtt));
                deliveries.add("MO at RTT " + rttMs + " ms, run " + repeat, mo.sent(), mo.arrived());
                turnaround.collect("mo-" + tag, sizes.moMessages());
                BaselineRun.Result baseline = baselineRun.run("base-" + tag, sizes.baselineDuration());
                at.mt.add(mt);
                at.mo.add(mo);
                at.baseline.add(baseline);
                LOG.info("RTT {} ms run {}: MT {} /s (utilisation {}), MO {} /s, baseline {} /s", rttMs, repeat,
                        round(mt.perSecond()), round(mt.utilisation()), round(mo.perSecond()),
                        round(baseline.perSecond()));
            }
        }
        return byRtt; // in RTT order: the first repeat added them in that order
    }

    /** CPU time by process during the MT runs of the last {@link #run}, sending and waiting included. */
    CpuAccount mtCpu() {
        return mtCpu;
    }

    /** The RTTs in the order of a repeat (1, 2, …): the list rotated left by {@code repeat - 1}. */
    static List<Integer> inTurn(List<Integer> rtts, int repeat) {
        List<Integer> rotated = new ArrayList<>(rtts);
        Collections.rotate(rotated, -((repeat - 1) % rtts.size()));
        return rotated;
    }

    /** Generous: the CPU-bound path manages a few messages a second at worst, plus the WAN's trips. */
    static Duration timeoutFor(int messages, Duration rtt) {
        return Duration.ofSeconds(60).plus(Duration.ofMillis(messages * 500L)).plus(rtt.multipliedBy(10));
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
