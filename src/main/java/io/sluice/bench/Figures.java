package io.sluice.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The headline figures of the issue, each a ratio of two things measured side by side in one run:
 * computed per repeat, then summarised as median and range. A figure whose inputs are missing says why.
 */
final class Figures {

    /** One row of the headline table; {@code atLeast} tells which side of the target is good. */
    record Figure(String name, String target, double targetValue, boolean atLeast, Spread value, int decimals,
            String note) {

        String met() {
            if (!value.measured()) {
                return "not measured";
            }
            boolean ok = atLeast ? value.median() >= targetValue : value.median() <= targetValue;
            return ok ? "yes" : "no";
        }
    }

    private final BenchResults results;

    Figures(BenchResults results) {
        this.results = results;
    }

    List<Figure> headline() {
        List<Figure> rows = new ArrayList<>();
        Map<Integer, WanSweep.AtRtt> sweep = results.sweep;
        // the RTTs measured, or those the mode would have measured when the sweep was not selected
        Collection<Integer> rtts = sweep.isEmpty() ? results.settings.mode().sizes().rttsMillis() : sweep.keySet();
        int high = rtts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int mid = rtts.contains(300) ? 300 : high;
        rows.add(new Figure("MT throughput, Sluice at RTT " + high + " ms / at 0 ms", "≥ 0.95", 0.95, true,
                ratio(sweep, high, 0, at -> at.mt, MtRun.Result::perSecond), 2, ""));
        rows.add(new Figure("MO throughput, Sluice at RTT " + high + " ms / at 0 ms", "≥ 0.95", 0.95, true,
                ratio(sweep, high, 0, at -> at.mo, MoRun.Result::perSecond), 2, ""));
        rows.add(new Figure("MT throughput, Sluice / baseline at RTT " + mid + " ms", "≥ 100", 100, true,
                mtOverBaseline(sweep.get(mid)), 1, ""));
        rows.add(new Figure("SMSC link utilisation, h = " + millis(results.settings.handshakeTime().toNanos())
                + " ms, RTT " + mid + " ms", "≥ 0.95", 0.95, true, Spread.of(values(sweep.get(mid), at -> at.mt,
                        MtRun.Result::utilisation)), 3, ""));
        rows.add(new Figure("SMSC link utilisation, h = " + millis(results.settings.fastHandshakeTime().toNanos())
                + " ms, RTT " + BenchResults.UTILISATION_RTT_MS + " ms", "≥ 0.8", 0.8, true,
                Spread.of(results.fastUtilisation), 3, ""));
        rows.add(turnaround());
        rows.add(core());
        rows.add(recovery());
        rows.add(sessions());
        rows.add(edgeScale());
        return rows;
    }

    private Figure sessions() {
        SessionsRun.Result sessions = results.sessions;
        String name = "Sessions: idle STOMP sessions held (the largest step with all open and heart-beating and"
                + " the chat p99 within 2× its value at the first step)";
        if (sessions == null || sessions.steps().isEmpty()) {
            return new Figure(name, "≥ 10,000", 10_000, true, Spread.NONE, 0, "");
        }
        SessionsRun.Step top = sessions.steps().get(sessions.steps().size() - 1);
        List<Integer> missed = sessions.missedBelowHeld().stream().map(SessionsRun.Step::sessions).toList();
        return new Figure(name, "≥ 10,000", 10_000, true, Spread.of(List.of((double) sessions.held())), 0,
                "steps " + sessions.steps().stream().map(SessionsRun.Step::sessions).toList() + "; at "
                        + top.sessions() + ": p99 " + sessions.ratio(top).format(2) + " × the "
                        + sessions.steps().get(0).sessions() + "-session p99 (" + ms(sessions.referenceP99()) + "), "
                        + top.counts().refused() + " refused, " + top.counts().dropped() + " dropped, "
                        + top.counts().silent() + " silent"
                        + (missed.isEmpty() ? "" : "; below it " + missed + " missed the 2× bound (flagged in section 6)"));
    }

    private Figure edgeScale() {
        EdgeScaleRun.Result edges = results.edgeScale;
        double ceiling = 1e9 / results.settings.handshakeTime().toNanos();
        int n = edges == null ? results.settings.mode().sizes().edges().count() : edges.edges();
        String name = "Edge scale: " + n + " edges' MT throughput / (" + n + " × one carrier's ceiling 1/h)";
        if (edges == null) {
            return new Figure(name, "≥ 0.9", 0.9, true, Spread.NONE, 3, "");
        }
        return new Figure(name, "≥ 0.9", 0.9, true, edgeScale(edges, ceiling), 3, n + " edges "
                + Spread.of(edges.aggregate().stream().map(MtRun.Result::perSecond).toList()).format(1)
                + " /s, one edge " + Spread.of(edges.single().stream().map(MtRun.Result::perSecond).toList()).format(1)
                + " /s; " + n + " edges / (" + n + " × one edge measured) " + edgeScaleOverSingle(edges).format(2));
    }

    /** Per run: the edges' aggregate throughput over what their SMSC links could take at most. */
    static Spread edgeScale(EdgeScaleRun.Result edges, double ceiling) {
        return Spread.of(edges.aggregate().stream().map(r -> r.perSecond() / (edges.edges() * ceiling)).toList());
    }

    /** Per run: the aggregate throughput over the edge count times one edge's, measured just before. */
    static Spread edgeScaleOverSingle(EdgeScaleRun.Result edges) {
        List<Double> single = edges.single().stream().map(r -> edges.edges() * r.perSecond()).toList();
        return Spread.of(pairwise(edges.aggregate().stream().map(MtRun.Result::perSecond).toList(), single));
    }

    private Figure turnaround() {
        double p50 = Spread.quantile(results.moTurnaroundNanos, 0.5);
        double sync = Spread.quantile(results.diskSyncNanos, 0.5);
        Spread ratio = Double.isNaN(p50) || Double.isNaN(sync) || sync == 0 ? Spread.NONE
                : Spread.of(List.of(p50 / sync));
        return new Figure("MO turnaround at the edge, p50 / one disk sync", "≤ 2", 2, false, ratio, 1,
                "p50 " + ms(p50) + ", p99 " + ms(Spread.quantile(results.moTurnaroundNanos, 0.99)) + " over "
                        + results.moTurnaroundNanos.length + " deliver_sm; one sync " + ms(sync) + " (median of "
                        + results.diskSyncNanos.length + ")");
    }

    private Figure core() {
        CoreComparison.Result core = results.core;
        Spread ratio = core == null ? Spread.NONE : Spread.of(pairwise(core.sluicePerSecond(), core.barePerSecond()));
        String note = core == null ? "" : "Sluice " + Spread.of(core.sluicePerSecond()).format(1) + " /s, bare "
                + Spread.of(core.barePerSecond()).format(1) + " /s";
        return new Figure("Core: durable PC→PC msg/s, Sluice / bare Artemis", "≥ 0.5", 0.5, true, ratio, 3, note);
    }

    private Figure recovery() {
        double ceiling = 1e9 / results.settings.handshakeTime().toNanos();
        List<Double> ratios = results.recovery.stream()
                .map(r -> r.drainSeconds() / (r.backlog() / ceiling)).toList();
        return new Figure("Recovery: drain time / (backlog ÷ SMSC ceiling)", "≤ 1.05", 1.05, false, Spread.of(ratios),
                1, "");
    }

    /** Per repeat k: value at RTT {@code over} in run k / value at RTT {@code under} in run k. */
    static <R> Spread ratio(Map<Integer, WanSweep.AtRtt> sweep, int over, int under,
            Function<WanSweep.AtRtt, List<R>> runs, ToDoubleFunction<R> value) {
        if (!sweep.containsKey(over) || !sweep.containsKey(under)) {
            return Spread.NONE;
        }
        return Spread.of(pairwise(values(sweep.get(over), runs, value), values(sweep.get(under), runs, value)));
    }

    /** Sluice's MT throughput over the baseline's, run by run, at one RTT. */
    static Spread mtOverBaseline(WanSweep.AtRtt at) {
        if (at == null) {
            return Spread.NONE;
        }
        return Spread.of(pairwise(values(at, a -> a.mt, MtRun.Result::perSecond),
                values(at, a -> a.baseline, BaselineRun.Result::perSecond)));
    }

    static <R> List<Double> values(WanSweep.AtRtt at, Function<WanSweep.AtRtt, List<R>> runs,
            ToDoubleFunction<R> value) {
        return at == null ? List.of() : runs.apply(at).stream().map(r -> value.applyAsDouble(r)).toList();
    }

    private static List<Double> pairwise(List<Double> over, List<Double> under) {
        List<Double> ratios = new ArrayList<>();
        for (int k = 0; k < Math.min(over.size(), under.size()); k++) {
            ratios.add(over.get(k) / under.get(k));
        }
        return ratios;
    }

    static String ms(double nanos) {
        return Double.isNaN(nanos) ? "—" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%s", nanos % 1_000_000 == 0 ? String.valueOf(nanos / 1_000_000)
                : String.valueOf(nanos / 1e6));
    }
}
