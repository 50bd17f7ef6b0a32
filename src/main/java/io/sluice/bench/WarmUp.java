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
 * three rounds, and the sweep measures RTT 0 first in each round, which made "RTT 1000 / RTT 0" look
 * better than 1.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    /** Settled: both rates within this fraction of the round before. */
    static final double SETTLED_WITHIN = 0.10;
    static final int MIN_ROUNDS = 3;

    /** The rates of each round, in order. */
    record Rounds(List<Double> mt, List<Double> mo, boolean settled) {

        String describe() {
            return String.format(Locale.ROOT, "%d round(s), %s: MT %s msg/s; MO %s msg/s", mt.size(),
                    settled ? "settled" : "not settled within the limit", rates(mt), rates(mo));
        }

        private static String rates(List<Double> rates) {
            return rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).collect(Collectors.joining(", "));
        }
    }

    private WarmUp() {
    }

    /**
     * Whether the last round settled both rates: at least {@link #MIN_ROUNDS} rounds (or all there may be),
     * and each rate within {@link #SETTLED_WITHIN} of the round before.
     */
    static boolean settled(List<Double> mt, List<Double> mo, int maxRounds) {
        int rounds = mt.size();
        if (rounds < Math.min(MIN_ROUNDS, maxRounds) || rounds < 2) {
            return false;
        }
        return close(mt.get(rounds - 1), mt.get(rounds - 2)) && close(mo.get(rounds - 1), mo.get(rounds - 2));
    }

    private static boolean close(double now, double before) {
        return Math.abs(now - before) <= SETTLED_WITHIN * Math.max(now, before);
    }

    /** Rounds until settled, at most {@code maxRounds}; every message of every burst is counted in the deliveries. */
    static Rounds run(BenchSites sites, BenchUser alice, BenchUser bob, BenchMode.Sizes sizes, int maxRounds,
                      Duration timeout, Deliveries deliveries) throws Exception {
        List<Double> mt = new ArrayList<>();
        List<Double> mo = new ArrayList<>();
        boolean settled = false;
        while (!settled && mt.size() < maxRounds) {
            int round = mt.size() + 1;
            MtRun.Result mtRun = new MtRun(alice, sites.emulator()).run("warmup-mt-" + round, sizes.mtMessages(), timeout);
            deliveries.add("warm-up MT " + round, mtRun.sent(), mtRun.arrived());
            MoRun.Result moRun = new MoRun(bob, sites.emulator()).run("warmup-mo-" + round, sizes.moMessages(), timeout);
            deliveries.add("warm-up MO " + round, moRun.sent(), moRun.arrived());
            mt.add(mtRun.perSecond());
            mo.add(moRun.perSecond());
            settled = settled(mt, mo, maxRounds);
            LOG.info("Warm-up round {}: MT {} /s, MO {} /s{}", round, Math.round(mtRun.perSecond()),
                    Math.round(moRun.perSecond()), settled ? ", settled" : "");
        }
        return new Rounds(List.copyOf(mt), List.copyOf(mo), settled);
    }
}
