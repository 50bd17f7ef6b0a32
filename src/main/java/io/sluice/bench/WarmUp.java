package io.sluice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bursts of MT and MO at WAN RTT 0 before anything is measured, until both rates have settled: the link is
 * up, the SMSC bound, and the JIT has compiled the hot paths of every process. One burst each way was not
 * enough: in a run of 2026-11-27 the MT rate still climbed from 39 to 105 msg/s over the sweep's first
 * three rounds, and the sweep measured RTT 0 first in each round, which made "RTT 1000 / RTT 0" look
 * better than 1. Nor were seven bursts of the runs' own size that happened to end within 10 % of each
 * other: the next run measured went on climbing. So a warm-up burst is {@link #BURST_FACTOR} runs' worth,
 * and the rates must hold for two steps in a row.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** Settled: each rate within this fraction of the round before, for {@link #STEADY_STEPS} rounds in a row. */
    static final double SETTLED_WITHIN = 0.10;
    static final int STEADY_STEPS = 2;
    /** A warm-up burst carries this many throughput runs' worth of messages. */
    static final int BURST_FACTOR = 4;

    /** The rates of each round, in order. */
    record Rounds(List<Double> mt, List<Double> mo, boolean settled) {

        String describe() {
            return String.format(Locale.ROOT, "%d round(s), %s: MT %s msg/s; MO %s msg/s", mt.size(),
                    settled ? "settled" : "not settled within the limit", rates(mt), rates(mo));
        }
    }

    /** Rates in whole messages per second, in order: "37, 71, 95". */
    static String rates(List<Double> rates) {
        return rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).collect(Collectors.joining(", "));
    }

    private WarmUp() {
    }

    /**
     * Whether both rates have settled: each of the last {@link #STEADY_STEPS} rounds within
     * {@link #SETTLED_WITHIN} of the round before it.
     */
    static boolean settled(List<Double> mt, List<Double> mo) {
        return steady(mt) && steady(mo);
    }

    /** Whether one rate has settled: each of its last {@link #STEADY_STEPS} rounds within {@link #SETTLED_WITHIN}. */
    static boolean steady(List<Double> rates) {
        int rounds = rates.size();
        if (rounds < STEADY_STEPS + 1) {
            return false;
        }
        for (int i = rounds - STEADY_STEPS; i < rounds; i++) {
            double now = rates.get(i);
            double before = rates.get(i - 1);
            // a rate that is no number (a burst of which too little arrived) never settles anything
            if (!Double.isFinite(now) || !Double.isFinite(before)
                    || Math.abs(now - before) > SETTLED_WITHIN * Math.max(now, before)) {
                return false;
            }
        }
        return true;
    }

    /** Rounds until settled, at most {@code maxRounds}; every message of every burst is counted in the deliveries. */
    static Rounds run(BenchSites sites, BenchUser alice, BenchUser bob, BenchMode.Sizes sizes, int maxRounds,
                      Duration timeout, Deliveries deliveries) throws Exception {
        List<Double> mt = new ArrayList<>();
        List<Double> mo = new ArrayList<>();
        boolean settled = false;
        while (!settled && mt.size() < maxRounds) {
            int round = mt.size() + 1;
            MtRun.Result mtRun = new MtRun(alice, sites.emulator()).run("warmup-mt-" + round,
                    BURST_FACTOR * sizes.mtMessages(), timeout);
            deliveries.add("warm-up MT " + round, mtRun.sent(), mtRun.arrived());
            MoRun.Result moRun = new MoRun(bob, sites.emulator()).run("warmup-mo-" + round,
                    BURST_FACTOR * sizes.moMessages(), timeout);
            deliveries.add("warm-up MO " + round, moRun.sent(), moRun.arrived());
            mt.add(mtRun.perSecond());
            mo.add(moRun.perSecond());
            settled = settled(mt, mo);
            LOG.info("Warm-up round {}: MT {} /s, MO {} /s{}", round, Math.round(mtRun.perSecond()),
                    Math.round(moRun.perSecond()), settled ? ", settled" : "");
        }
        return new Rounds(List.copyOf(mt), List.copyOf(mo), settled);
    }
}
