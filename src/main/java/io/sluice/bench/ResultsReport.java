package io.sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes {@code RESULTS.md} and its plot from one run's {@link BenchResults}. */
final class ResultsReport {

    static final String REPORT = "RESULTS.md";
    static final String PLOT = "throughput-vs-rtt.svg";
    /** The line the smoke test looks for; {@code yes} only when every run got every message. */
    static final String ALL_ARRIVED = "Every message arrived: ";

    private final BenchResults results;
    private final ScaleSections scale;
    private final StringBuilder md = new StringBuilder();

    ResultsReport(BenchResults results) {
        this.results = results;
        this.scale = new ScaleSections(results);
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PLOT), plot().render(), StandardCharsets.UTF_8);
        if (results.sessions != null) {
            Files.writeString(directory.resolve(ScaleSections.SESSIONS_PLOT), scale.plot().render(),
                    StandardCharsets.UTF_8);
        }
        Path report = directory.resolve(REPORT);
        Files.writeString(report, render(), StandardCharsets.UTF_8);
        return report;
    }

    String render() {
        BenchProperties settings = results.settings;
        line("# Sluice benchmark results");
        line("");
        line("Mode **" + settings.mode().name().toLowerCase(Locale.ROOT) + "**, started " + results.started
                + ", took " + results.elapsed.toMinutes() + " min " + results.elapsed.toSecondsPart()
                + " s. Written by the `bench` role (README \"Benchmarks\", ADR 0011); every figure below is a ratio"
                + " of two things measured side by side in this run, the median over repeated runs with the range"
                + " (min–max) in brackets.");
        line("");
        line("## Command");
        line("");
        line("```");
        line(results.command);
        line("```");
        machine();
        settingsSection();
        headline();
        sweep();
        utilisation();
        turnaround();
        core();
        recovery();
        md.append(scale.render());
        reading();
        notMeasured();
        deliveries();
        if (!results.profile.isBlank()) {
            line("");
            line("## Notes: where the time goes (JFR)");
            line("");
            line(results.profile);
        }
        return md.toString();
    }

    private void machine() {
        Machine machine = results.machine;
        line("");
        line("## Machine and versions");
        line("");
        line("| | |");
        line("| --- | --- |");
        line("| Processors (nproc) | " + machine.processors() + " |");
        line("| Memory | " + machine.memory() + " |");
        line("| CPU | " + machine.cpu() + " |");
        line("| OS | " + machine.os() + " |");
        line("| JDK | " + machine.jdk() + " |");
        line("| Load average (1 min) at start / end | " + results.loadAtStart + " / " + results.loadAtEnd
                + " (other work on the machine; the ratios compare runs made under the same load) |");
        machine.versions().forEach((name, version) -> line("| " + name + " | " + version + " |"));
    }

    private void settingsSection() {
        BenchProperties settings = results.settings;
        BenchMode.Sizes sizes = settings.mode().sizes();
        line("");
        line("## Settings");
        line("");
        line("| Setting | Value |");
        line("| --- | --- |");
        line("| SMSC handshake time h (emulator) | " + Figures.ms(settings.handshakeTime().toNanos())
                + " (fast: " + Figures.ms(settings.fastHandshakeTime().toNanos()) + "); SMSC ceiling 1/h = "
                + number(1e9 / settings.handshakeTime().toNanos(), 0) + " submits/s |");
        line("| WAN round trips | " + sizes.rttsMillis() + " ms, jitter ±" + settings.wanJitterPercent()
                + " % of the one-way latency |");
        line("| Child JVMs (core, edge, emulator, WAN simulators, bare broker) | `"
                + String.join(" ", settings.childJvmOptions()) + "` (full JIT: " + settings.fullJit() + ") |");
        line("| Edge contracted rate (`sluice.edge.smsc.max-submits-per-second`) | "
                + settings.edgeMaxSubmitsPerSecond() + " |");
        line("| Repeats of each side-by-side measurement | " + sizes.repeats() + " |");
        if (results.warmUp != null) {
            line("| Warm-up (RTT 0, bursts of " + WarmUp.BURST_FACTOR + " throughput runs' worth until both rates "
                    + "stay within " + Math.round(WarmUp.SETTLED_WITHIN * 100) + " % of the round before for "
                    + WarmUp.STEADY_STEPS + " rounds) | "
                    + results.warmUp.describe() + " |");
        }
        line("| MT / MO messages per throughput run | " + sizes.mtMessages() + " / " + sizes.moMessages() + " |");
        line("| Baseline run length | " + sizes.baselineDuration().toSeconds() + " s |");
        line("| PC→PC messages per max-rate run / per latency run | " + sizes.coreMessages() + " / "
                + sizes.latencyMessages() + " (window of " + StompRates.WINDOW + " unconfirmed durable SENDs) |");
        line("| Black hole of the recovery run | " + sizes.blackHole().toSeconds() + " s at RTT "
                + BenchResults.RECOVERY_RTT_MS + " ms, backlog fed at " + number(RecoveryRun.INFLOW_PER_SECOND, 0)
                + " msg/s |");
        line("| Disk syncs timed | " + sizes.diskSyncs() + " |");
        scale.settingsRows().forEach(this::line);
    }

    private void headline() {
        line("");
        line("## Headline");
        line("");
        line("| Figure | Target | Measured: median (min–max) | Met | Detail |");
        line("| --- | --- | --- | --- | --- |");
        for (Figures.Figure figure : new Figures(results).headline()) {
            line("| " + figure.name() + " | " + figure.target() + " | " + figure.value().format(figure.decimals())
                    + " | " + figure.met() + " | " + figure.note() + " |");
        }
    }

    private void sweep() {
        line("");
        line("## 1. WAN insensitivity: throughput against the WAN round trip");
        line("");
        line("Sluice MT: a PC user's burst over STOMP, timed at the emulator from its first to its last submit_sm."
                + " Sluice MO: a phone's burst (`@bob …`) timed at bob's STOMP client from first to last arrival."
                + " Baseline: a plain jsmpp client, window of one, bound to the same emulator through a second WAN"
                + " simulator with the same round trip. Messages per second.");
        line("");
        line("| RTT | Sluice MT | Sluice MO | Baseline (jsmpp, window 1) | MT / baseline |");
        line("| --- | --- | --- | --- | --- |");
        results.sweep.forEach((rtt, at) -> line("| " + rtt + " ms | "
                + Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::perSecond)).format(1) + " | "
                + Spread.of(Figures.values(at, a -> a.mo, MoRun.Result::perSecond)).format(1) + " | "
                + Spread.of(Figures.values(at, a -> a.baseline, BaselineRun.Result::perSecond)).format(1) + " | "
                + Figures.mtOverBaseline(at).format(2) + " |"));
        line("");
        line("![Throughput against WAN round trip](" + PLOT + ")");
        mtCpu();
    }

    /** Where the processors went while MT was measured: is the MT rate set by the CPU of this machine? */
    private void mtCpu() {
        CpuAccount cpu = results.mtCpu;
        if (cpu == null || !cpu.measured()) {
            return;
        }
        double wall = cpu.wallSeconds();
        line("");
        line("CPU time during the MT runs (" + number(wall, 1) + " s of wall time from the first send to the last"
                + " submit, " + cpu.messages() + " MT messages, " + results.machine.processors() + " processors):");
        line("");
        line("| Process | CPU seconds | processors busy on it | CPU ms per MT message |");
        line("| --- | --- | --- | --- |");
        cpu.seconds().forEach((name, seconds) -> line(mtCpuRow(name, seconds, cpu)));
        line(mtCpuRow("other work on the machine", cpu.othersSeconds(), cpu));
        line(mtCpuRow("the whole machine", cpu.machineSeconds(), cpu));
    }

    private static String mtCpuRow(String name, double seconds, CpuAccount cpu) {
        return "| " + name + " | " + number(seconds, 1) + " | " + number(seconds / cpu.wallSeconds(), 2) + " | "
                + number(seconds * 1000 / cpu.messages(), 2) + " |";
    }

    private void utilisation() {
        line("");
        line("## 2. SMSC link utilisation");
        line("");
        line("Share of wall time during which the emulator had a submit_sm outstanding (its `busyNanos` counter),"
                + " over the same window as the MT throughput.");
        line("");
        line("| h | RTT | Utilisation |");
        line("| --- | --- | --- |");
        String h = Figures.ms(results.settings.handshakeTime().toNanos());
        results.sweep.forEach((rtt, at) -> line("| " + h + " | " + rtt + " ms | "
                + Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::utilisation)).format(3) + " |"));
        line("| " + Figures.ms(results.settings.fastHandshakeTime().toNanos()) + " | " + BenchResults.UTILISATION_RTT_MS
                + " ms | " + Spread.of(results.fastUtilisation).format(3) + " |");
    }

    private void turnaround() {
        long[] mo = results.moTurnaroundNanos;
        long[] sync = results.diskSyncNanos;
        line("");
        line("## 3. MO turnaround at the edge");
        line("");
        line("deliver_sm sent → deliver_sm_resp received, at the emulator (two loopback hops included), over every"
                + " MO message of the sweep; against one durable disk sync (4 KiB write + fdatasync) in the edge's"
                + " data directory, timed in the same run.");
        line("");
        line("| | samples | p50 | p90 | p99 | max |");
        line("| --- | --- | --- | --- | --- | --- |");
        line(quantiles("MO turnaround", mo));
        line(quantiles("One disk sync", sync));
    }

    private static String quantiles(String name, long[] samples) {
        return "| " + name + " | " + samples.length + " | " + Figures.ms(Spread.quantile(samples, 0.5)) + " | "
                + Figures.ms(Spread.quantile(samples, 0.9)) + " | " + Figures.ms(Spread.quantile(samples, 0.99)) + " | "
                + Figures.ms(Spread.quantile(samples, 1.0)) + " |";
    }

    private void core() {
        line("");
        line("## 4. Core: PC→PC through Sluice against a bare Artemis queue");
        line("");
        CoreComparison.Result core = results.core;
        if (core == null) {
            line("Not measured in this run (see \"Not measured\").");
            return;
        }
        line("The same STOMP client code sends durable messages (`persistent:true`, a receipt for each, "
                + StompRates.WINDOW + " in flight) and receives them: through Sluice from alice's outbox to bob's"
                + " inbox (dispatch route, status updates to alice), and through a broker started from the core's"
                + " own broker.xml with one queue and no Camel. Latency: paced at half of each one's median"
                + " maximum.");
        line("");
        line("| | msg/s at most | latency p50 at half that | p99 |");
        line("| --- | --- | --- | --- |");
        line("| Sluice | " + Spread.of(core.sluicePerSecond()).format(1) + " | "
                + Figures.ms(Spread.quantile(core.sluiceLatencyNanos(), 0.5)) + " | "
                + Figures.ms(Spread.quantile(core.sluiceLatencyNanos(), 0.99)) + " |");
        line("| Bare Artemis | " + Spread.of(core.barePerSecond()).format(1) + " | "
                + Figures.ms(Spread.quantile(core.bareLatencyNanos(), 0.5)) + " | "
                + Figures.ms(Spread.quantile(core.bareLatencyNanos(), 0.99)) + " |");
    }

    private void recovery() {
        line("");
        line("## 5. Recovery after a black hole");
        line("");
        if (results.recovery.isEmpty()) {
            line("Not measured in this run (see \"Not measured\").");
            return;
        }
        double ceiling = 1e9 / results.settings.handshakeTime().toNanos();
        line("Drain time runs from the end of the black hole to the emulator's last submit of the backlog; the"
                + " first submit after the end shows how long the link took to come back. A black hole longer than"
                + " the link's idle timeout (10 s) has dropped the silent connection; the edge's next attempt waits"
                + " in the WAN simulator until the path returns, then makes its TLS, SASL and AMQP handshakes at the"
                + " RTT. After a shorter one, the lost bytes make the simulator reset the connection and the edge"
                + " dials again after its retry interval (ADR 0036).");
        line("");
        double steady = steadyMtRate();
        line("| Run | Backlog | First submit after | Drain time | Backlog ÷ SMSC ceiling | Ratio | Backlog ÷ MT rate"
                + " measured at " + BenchResults.RECOVERY_RTT_MS + " ms |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        int run = 1;
        for (RecoveryRun.Result r : results.recovery) {
            double ideal = r.backlog() / ceiling;
            line("| " + run++ + " | " + r.backlog() + " | " + number(r.relinkSeconds(), 2) + " s | "
                    + number(r.drainSeconds(), 2) + " s | " + number(ideal, 2)
                    + " s | " + number(r.drainSeconds() / ideal, 1) + " | " + number(r.backlog() / steady, 2) + " s |");
        }
    }

    /** Median MT throughput at the recovery's RTT, NaN when the sweep did not measure it. */
    private double steadyMtRate() {
        WanSweep.AtRtt at = results.sweep.get(BenchResults.RECOVERY_RTT_MS);
        return Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::perSecond)).median();
    }

    /** Whether the MT rate was set by the processors: how busy the machine was, and the sites' CPU per message. */
    private void mtCpuReading() {
        CpuAccount cpu = results.mtCpu;
        if (cpu == null || !cpu.measured()) {
            return;
        }
        int processors = results.machine.processors();
        double busy = cpu.machineSeconds() / cpu.wallSeconds();
        double core = cpu.seconds().getOrDefault("core", Double.NaN) * 1000 / cpu.messages();
        double edge = cpu.seconds().getOrDefault("edge", Double.NaN) * 1000 / cpu.messages();
        double all = cpu.machineSeconds() * 1000 / cpu.messages();
        line("- **CPU**: during the MT runs the machine kept " + number(busy, 2) + " of its " + processors
                + " processors busy; each MT message cost the core " + number(core, 2) + " ms and the edge "
                + number(edge, 2) + " ms of CPU, " + number(all, 2) + " ms in all, i.e. at most "
                + number(processors * 1000 / all, 0) + " msg/s with every processor busy. "
                + (busy >= 0.75 * processors ? "The MT rate is set by this machine's processors."
                        : "The processors were not the limit."));
    }

    /** What the figures say about each other, computed from this run's numbers (no fixed text). */
    private void reading() {
        line("");
        line("## Reading the figures");
        line("");
        WanSweep.AtRtt at = results.sweep.get(BenchResults.UTILISATION_RTT_MS);
        Spread mt = Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::perSecond));
        Spread busy = Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::utilisation));
        if (mt.measured() && busy.measured()) {
            double perMessage = 1000 / mt.median();
            line("- **MT**: at RTT " + BenchResults.UTILISATION_RTT_MS + " ms one message takes " + number(perMessage, 1)
                    + " ms at the SMSC link, of which the emulator is busy " + number(perMessage * busy.median(), 1)
                    + " ms (utilisation " + number(busy.median(), 3) + "). For the other " + number(perMessage * (1
                    - busy.median()), 1) + " ms the SMSC link idles between one submit_sm_resp and the next"
                    + " submit_sm: per-message work elsewhere on the path (the core's dispatch and ring, the edge's"
                    + " transacted consume and ring bookkeeping) does not overlap the handshake.");
        }
        mtCpuReading();
        int high = results.sweep.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        Spread wan = Figures.ratio(results.sweep, high, 0, a -> a.mt, MtRun.Result::perSecond);
        if (wan.measured() && high > 0) {
            line("- **WAN**: MT throughput at RTT " + high + " ms is " + number(wan.median(), 2) + " × its value at"
                    + " 0 ms" + (wan.median() >= 0.95 ? ": the round trip does not limit it; the per-message work at"
                    + " the sites does." : ": the round trip still costs throughput."));
        }
        double turnaround = Spread.quantile(results.moTurnaroundNanos, 0.5);
        Spread mo = Spread.of(Figures.values(results.sweep.get(0), a -> a.mo, MoRun.Result::perSecond));
        if (!Double.isNaN(turnaround) && mo.measured()) {
            line("- **MO**: the SMSC sends the next deliver_sm only after the edge's deliver_sm_resp, so MO"
                    + " throughput is at most 1 / turnaround = " + number(1e9 / turnaround, 1) + " msg/s at the"
                    + " median turnaround (" + Figures.ms(turnaround) + "); measured at RTT 0: "
                    + number(mo.median(), 1) + " msg/s. One disk sync costs "
                    + Figures.ms(Spread.quantile(results.diskSyncNanos, 0.5)) + ": the turnaround is not the sync.");
        }
        if (results.core != null && mt.measured()) {
            double core = Spread.of(results.core.sluicePerSecond()).median();
            line("- **Core**: Sluice's PC→PC path delivers " + number(core, 0) + " msg/s, "
                    + number(core / mt.median(), 1) + " × the MT rate through the edge at RTT "
                    + BenchResults.UTILISATION_RTT_MS + " ms.");
        }
        if (!results.recovery.isEmpty()) {
            Spread relink = Spread.of(results.recovery.stream().map(RecoveryRun.Result::relinkSeconds).toList());
            Spread drainRate = Spread.of(results.recovery.stream()
                    .map(r -> r.backlog() / (r.drainSeconds() - r.relinkSeconds())).toList());
            line("- **Recovery**: the link needs " + relink.format(1) + " s after the black hole (its handshakes,"
                    + " ADR 0036) before the first submit; the backlog then drains at "
                    + drainRate.format(1) + " msg/s, against " + (Double.isNaN(steadyMtRate()) ? ""
                    : "a steady MT rate of " + number(steadyMtRate(), 1) + " msg/s and ") + "an SMSC ceiling of "
                    + number(1e9 / results.settings.handshakeTime().toNanos(), 0) + ".");
        }
        scale.readings().forEach(this::line);
    }

    private void notMeasured() {
        if (results.notMeasured.isEmpty()) {
            return;
        }
        line("");
        line("## Not measured");
        line("");
        results.notMeasured.forEach((what, why) -> line("- **" + what + "**: " + why));
    }

    private void deliveries() {
        Deliveries deliveries = results.deliveries;
        line("");
        line("## Delivery check");
        line("");
        line(ALL_ARRIVED + (deliveries.allArrived() ? "yes" : "NO") + " (" + deliveries.arrived() + " of "
                + deliveries.sent() + " in " + deliveries.checks().size() + " runs).");
        for (Deliveries.Check check : deliveries.checks()) {
            if (!check.complete()) {
                line("- " + check.run() + ": " + check.arrived() + " of " + check.sent() + " arrived");
            }
        }
    }

    private SvgChart plot() {
        List<String> categories = results.sweep.keySet().stream().map(rtt -> rtt + " ms").toList();
        List<Spread> mt = new ArrayList<>();
        List<Spread> mo = new ArrayList<>();
        List<Spread> baseline = new ArrayList<>();
        results.sweep.values().forEach(at -> {
            mt.add(Spread.of(Figures.values(at, a -> a.mt, MtRun.Result::perSecond)));
            mo.add(Spread.of(Figures.values(at, a -> a.mo, MoRun.Result::perSecond)));
            baseline.add(Spread.of(Figures.values(at, a -> a.baseline, BaselineRun.Result::perSecond)));
        });
        return new SvgChart("Throughput against WAN round trip (" + results.settings.mode().name()
                .toLowerCase(Locale.ROOT) + " mode)", "WAN round-trip time", "messages per second (log)", categories)
                .add("Sluice MT", mt).add("Sluice MO", mo).add("Baseline (window 1)", baseline);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
