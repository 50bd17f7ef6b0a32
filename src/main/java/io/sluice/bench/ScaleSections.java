package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's parts about the scale installation (measurements 6 and 7): their settings rows, their
 * sections with the tables, their plot, and what their figures say. Kept apart from {@link ResultsReport},
 * which assembles the whole.
 */
final class ScaleSections {

    static final String SESSIONS_PLOT = "chat-latency-vs-sessions.svg";

    private final BenchResults results;
    private final List<String> lines = new ArrayList<>();

    ScaleSections(BenchResults results) {
        this.results = results;
    }

    /** Rows of the settings table. */
    List<String> settingsRows() {
        BenchMode.Sizes sizes = results.settings.mode().sizes();
        BenchMode.Sessions sessions = sizes.sessions();
        return List.of(
                "| Idle sessions per step (measurement 6) | " + sessions.steps() + ", each CONNECT with heart-beat "
                        + IdleSessions.HEART_BEAT.toMillis() + "," + IdleSessions.HEART_BEAT.toMillis()
                        + ", an EOL sent every " + IdleSessions.SEND_EVERY.toSeconds() + " s, as "
                        + ScaleSites.IDLE_LOGINS.size() + " accounts in turn |",
                "| Chat load with the idle sessions | alice → bob, " + ResultsReport.number(sessions.chatPerSecond(), 0)
                        + " msg/s paced, " + sessions.chatMessages() + " durable messages per run |",
                "| Scale installation (measurements 6 and 7) | one core (`-Xmx" + BenchProperties.SESSIONS_CORE_HEAP
                        + "`), " + sizes.edges().count() + " edges with a carrier each, one SMSC emulator; "
                        + sizes.edges().messagesPerCarrier() + " MT messages per carrier per run |");
    }

    /** Sections 6 and 7. */
    String render() {
        lines.clear();
        sessions();
        edges();
        return String.join("\n", lines) + "\n";
    }

    private void sessions() {
        line("");
        line("## 6. Sessions: idle STOMP sessions held by one core");
        line("");
        SessionsRun.Result sessions = results.sessions;
        if (sessions == null || sessions.steps().isEmpty()) {
            line("Not measured in this run (see \"Not measured\").");
            return;
        }
        BenchMode.Sessions plan = results.settings.mode().sizes().sessions();
        line("One NIO selector thread of the bench holds the idle sessions: each connects, sends CONNECT as one of "
                + ScaleSites.IDLE_LOGINS.size() + " accounts with `heart-beat:" + IdleSessions.HEART_BEAT.toMillis()
                + "," + IdleSessions.HEART_BEAT.toMillis() + "` (the core answered `heart-beat:"
                + sessions.serverHeartBeat() + "`), waits for CONNECTED, then sends an EOL every "
                + IdleSessions.SEND_EVERY.toSeconds() + " s and discards what arrives. The core has a "
                + "`-Xmx" + BenchProperties.SESSIONS_CORE_HEAP + "` heap and its edges connected, idle. At each step, once"
                + " the sessions are open, the core's live heap is read after a full collection, then the chat load"
                + " (alice → bob, " + ResultsReport.number(plan.chatPerSecond(), 0) + " msg/s, " + plan.chatMessages()
                + " durable messages per run) runs " + results.settings.mode().sizes().repeats() + " time(s); its latency is"
                + " send → arrival at bob. Refused and dropped sessions are counted since the start; silent ones"
                + " are open sessions that heard nothing from the core for " + IdleSessions.SILENT_AFTER_BEATS
                + " of its heart-beat intervals, as the step's chat runs ended.");
        line("");
        int reference = sessions.steps().get(0).sessions();
        line("| Idle sessions | Open / refused / dropped / silent | Ramp-up | Live heap | Chat p50 | Chat p99 per run"
                + " | p99 / " + reference + "-session p99 | Held | Load average |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (SessionsRun.Step step : sessions.steps()) {
            IdleSessions.Counts counts = step.counts();
            line("| " + step.sessions() + " | " + counts.open() + " / " + counts.refused() + " / " + counts.dropped()
                    + " / " + counts.silent() + " | " + ResultsReport.number(step.rampSeconds(), 1) + " s | "
                    + mebibytes(step.liveHeapBytes()) + " | " + Figures.ms(Spread.quantile(step.pooled(), 0.5)) + " | "
                    + Spread.of(millis(step.p99s())).format(2) + " ms | " + sessions.ratio(step).format(2) + " | "
                    + heldCell(sessions, step) + " | " + step.load() + " |");
        }
        line("");
        line("Sessions held: the largest step at which (a) every session is open and heart-beating and (b) the"
                + " chat p99 is within " + ResultsReport.number(SessionsRun.HELD_WITHIN, 0) + "× of its " + reference
                + "-session value (medians of the runs): **" + sessions.held() + "** idle sessions." + missedBelow(sessions));
        line("");
        line("![Chat latency against idle sessions](" + SESSIONS_PLOT + ")");
    }

    /** The table's Held column: yes, or what the step missed, in bold. */
    private static String heldCell(SessionsRun.Result sessions, SessionsRun.Step step) {
        List<String> missed = new ArrayList<>();
        if (!step.allHeld()) {
            missed.add("sessions lost or silent");
        }
        if (!sessions.withinLatencyBound(step)) {
            missed.add("p99 over " + ResultsReport.number(SessionsRun.HELD_WITHIN, 0) + "×");
        }
        return missed.isEmpty() ? "yes" : "**no: " + String.join(", ", missed) + "**";
    }

    private static String missedBelow(SessionsRun.Result sessions) {
        List<SessionsRun.Step> missed = sessions.missedBelowHeld();
        if (missed.isEmpty()) {
            return "";
        }
        return " Below it, " + missed.stream().map(step -> String.valueOf(step.sessions())).toList()
                + " missed the latency bound (flagged in the table): the figure is the largest step held, not the"
                + " last before a miss.";
    }

    private void edges() {
        line("");
        line("## 7. Edge scale: one core, several edges");
        line("");
        EdgeScaleRun.Result edges = results.edgeScale;
        if (edges == null) {
            line("Not measured in this run (see \"Not measured\").");
            return;
        }
        int n = edges.edges();
        double ceiling = ceiling();
        BenchMode.Edges sizes = results.settings.mode().sizes().edges();
        line("One core, " + n + " edges (each its own process with its own carrier name, prefix, edge password and"
                + " link certificate), dialling the core directly; one SMSC emulator at h = "
                + Figures.ms(results.settings.handshakeTime().toNanos()) + " with one account per carrier, so each"
                + " edge has its own bind, its own stop-and-wait and its own handshake time (ADR 0011). Alice sends"
                + " bursts over STOMP: to alpha's number only (one edge), then the same number per carrier to every"
                + " carrier in turn (" + n + " edges); throughput is timed at the emulator from its first to its"
                + " last submit. Before them, unmeasured bursts of " + sizes.warmUpPerCarrier() + " messages to every"
                + " carrier, at least " + sizes.warmUpRounds() + ", then until their rate stays within "
                + Math.round(WarmUp.SETTLED_WITHIN * 100) + " % of the burst before for " + WarmUp.STEADY_STEPS
                + " bursts, at most " + EdgeScaleRun.mostWarmUpRounds(sizes) + ": "
                + edges.warmUp().size() + " burst(s), " + (edges.warmedUp() ? "settled" : "not settled") + ", at "
                + WarmUp.rates(edges.warmUp()) + " msg/s.");
        line("");
        line("| | msg/s | per edge | SMSC link utilisation per edge |");
        line("| --- | --- | --- | --- |");
        line(edgeRow("One edge (alpha)", edges.single(), 1));
        line(edgeRow(n + " edges", edges.aggregate(), n));
        line("");
        line("| Ratio, per run | median (min–max) |");
        line("| --- | --- |");
        line("| " + n + " edges / (" + n + " × SMSC ceiling 1/h = " + ResultsReport.number(ceiling, 0) + " msg/s) | "
                + Figures.edgeScale(edges, ceiling).format(3) + " |");
        line("| " + n + " edges / (" + n + " × one edge measured in the same run) | "
                + Figures.edgeScaleOverSingle(edges).format(3) + " |");
        EdgeScaleRun.Cpu cpu = edges.cpuSeconds();
        if (!Double.isNaN(cpu.core()) && edges.aggregateSeconds() > 0) {
            double wall = edges.aggregateSeconds();
            line("");
            line("CPU time used during the " + n + "-edge runs (" + ResultsReport.number(wall, 1) + " s of wall time on "
                    + results.machine.processors() + " processors; load average " + edges.load()
                    + " as they started):");
            line("");
            line("| Process | CPU seconds | processors busy on it |");
            line("| --- | --- | --- |");
            line(cpuRow("core", cpu.core(), wall));
            line(cpuRow(n + " edges together", cpu.edges(), wall));
            line(cpuRow("SMSC emulator", cpu.emulator(), wall));
            line(cpuRow("bench (STOMP client, polling)", cpu.bench(), wall));
            line(cpuRow("other work on the machine", cpu.others(), wall));
        }
    }

    /** Bullets of "Reading the figures". */
    List<String> readings() {
        List<String> bullets = new ArrayList<>();
        SessionsRun.Result sessions = results.sessions;
        if (sessions != null && sessions.steps().size() > 1) {
            SessionsRun.Step first = sessions.steps().get(0);
            SessionsRun.Step last = sessions.steps().get(sessions.steps().size() - 1);
            int added = last.counts().open() - first.counts().open();
            String memory = first.liveHeapBytes() < 0 || last.liveHeapBytes() < 0 || added <= 0 ? ""
                    : "; each costs the core about " + ResultsReport.number((last.liveHeapBytes() - first.liveHeapBytes())
                            / 1024.0 / added, 1) + " KiB of live heap";
            double rate = (last.sessions() - sessions.steps().get(sessions.steps().size() - 2).sessions())
                    / last.rampSeconds();
            bullets.add("- **Sessions**: the core had " + last.counts().open() + " idle sessions open at the top step"
                    + memory + ", and opened them at " + ResultsReport.number(rate, 0) + " per second (a CONNECT each: Artemis"
                    + " caches a successful login, so the bcrypt check is not paid per connection); the chat p99"
                    + " there is " + sessions.ratio(last).format(2) + " × its " + first.sessions()
                    + "-session value.");
        }
        EdgeScaleRun.Result edges = results.edgeScale;
        if (edges != null) {
            Spread aggregate = Spread.of(edges.aggregate().stream().map(MtRun.Result::perSecond).toList());
            Spread single = Spread.of(edges.single().stream().map(MtRun.Result::perSecond).toList());
            EdgeScaleRun.Cpu cpu = edges.cpuSeconds();
            String cpuShare = Double.isNaN(cpu.core()) || edges.aggregateSeconds() <= 0 ? ""
                    : " During those runs the core kept " + ResultsReport.number(cpu.core() / edges.aggregateSeconds(), 2)
                            + " processors busy and the edges together " + ResultsReport.number(cpu.edges()
                            / edges.aggregateSeconds(), 2) + ", of the machine's " + results.machine.processors()
                            + "." + cpuPerMessage(edges);
            bullets.add("- **Edge scale**: " + edges.edges() + " edges carry " + ResultsReport.number(aggregate.median(), 1)
                    + " msg/s together against " + ResultsReport.number(single.median(), 1) + " msg/s for one edge alone ("
                    + Figures.edgeScaleOverSingle(edges).format(2) + " × " + edges.edges() + " of it), and "
                    + ResultsReport.number(edges.edges() * ceiling(), 0) + " msg/s for " + edges.edges()
                    + " SMSC links at their ceiling." + cpuShare);
        }
        return bullets;
    }

    /**
     * What the aggregate runs cost per message, and what that cost means on this machine: how many messages per
     * second its processors carry at most, and how many processors the SMSC links at their ceiling would need.
     */
    private String cpuPerMessage(EdgeScaleRun.Result edges) {
        long messages = edges.aggregate().stream().mapToLong(MtRun.Result::arrived).sum();
        EdgeScaleRun.Cpu cpu = edges.cpuSeconds();
        if (messages == 0 || cpu.machine() <= 0) {
            return "";
        }
        double machineMs = cpu.machine() * 1000 / messages;
        int processors = results.machine.processors();
        return " The machine spent " + ResultsReport.number(machineMs, 1) + " ms of CPU per message (the core "
                + ResultsReport.number(cpu.core() * 1000 / messages, 1) + ", the edges "
                + ResultsReport.number(cpu.edges() * 1000 / messages, 1) + "): at that cost its " + processors
                + " processors carry at most " + ResultsReport.number(processors * 1000 / machineMs, 0)
                + " msg/s, and " + edges.edges() + " SMSC links at their ceiling would need "
                + ResultsReport.number(edges.edges() * ceiling() * machineMs / 1000, 0) + " processors.";
    }

    /** Chat latency p50 and p99 at each step, medians of the runs with their range. */
    SvgChart plot() {
        SessionsRun.Result sessions = results.sessions;
        List<SessionsRun.Step> steps = sessions == null ? List.of() : sessions.steps();
        List<Spread> p50 = steps.stream().map(step -> Spread.of(millis(step.latencyRuns().stream()
                .map(run -> Spread.quantile(run, 0.5)).toList()))).toList();
        List<Spread> p99 = steps.stream().map(step -> Spread.of(millis(step.p99s()))).toList();
        return new SvgChart("Chat latency against idle sessions (" + results.settings.mode().name()
                .toLowerCase(Locale.ROOT) + " mode)", "idle STOMP sessions", "milliseconds (log)",
                steps.stream().map(step -> String.valueOf(step.sessions())).toList())
                .add("chat p50", p50).add("chat p99", p99);
    }

    private String edgeRow(String name, List<MtRun.Result> runs, int edges) {
        Spread rate = Spread.of(runs.stream().map(MtRun.Result::perSecond).toList());
        Spread perEdge = Spread.of(runs.stream().map(r -> r.perSecond() / edges).toList());
        Spread utilisation = Spread.of(runs.stream().map(r -> r.utilisation() / edges).toList());
        return "| " + name + " | " + rate.format(1) + " | " + perEdge.format(1) + " | " + utilisation.format(3) + " |";
    }

    private static String cpuRow(String name, double seconds, double wall) {
        return "| " + name + " | " + ResultsReport.number(seconds, 1) + " | " + ResultsReport.number(seconds / wall, 2) + " |";
    }

    private double ceiling() {
        return 1e9 / results.settings.handshakeTime().toNanos();
    }

    private static List<Double> millis(List<Double> nanos) {
        return nanos.stream().map(value -> value / 1e6).toList();
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "—" : ResultsReport.number(bytes / 1024.0 / 1024.0, 1) + " MiB";
    }

    private void line(String text) {
        lines.add(text);
    }
}
