package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResultsReportTest {

    static final BenchProperties SETTINGS = new BenchProperties(BenchMode.QUICK, Path.of("out"),
            Path.of("work"), true, Duration.ofMillis(2), Duration.ofNanos(500_000), 10, 5000, Duration.ofSeconds(180),
            false, List.of(1, 2, 3, 4, 5, 6, 7), 0);

    @Test
    void headlineRatiosArePairedRunByRunAndSummarisedAsMedianAndRange() {
        BenchResults results = results();

        String report = new ResultsReport(results).render();

        // MT at 1000 ms over MT at 0 ms, run by run: 20/10, 30/10, 10/10 -> median 2.00, range 1.00-3.00
        assertThat(report).contains("| MT throughput, Sluice at RTT 1000 ms / at 0 ms | ≥ 0.95 | 2.00 (1.00–3.00) | yes |");
        assertThat(report).contains(ResultsReport.ALL_ARRIVED + "yes (30 of 30 in 2 runs).");
        // edge scale, per run: 8 edges 400/s over 8 x 500/s -> 0.100; over 8 x one edge's 100/s -> 0.50
        assertThat(report).contains("| Edge scale: 8 edges' MT throughput / (8 × one carrier's ceiling 1/h) | ≥ 0.9 |"
                + " 0.100 (1 run) | no |");
        assertThat(report).contains("| 8 edges / (8 × one edge measured in the same run) | 0.500 (1 run) |");
        assertThat(report).as("the edge scale's warm-up").contains("4 burst(s), settled, at 150, 380, 395, 400 msg/s.");
        // 30 CPU seconds of the machine for 320 messages: 93.75 ms each; 8 links at 500/s need 4000 x 0.094 s
        assertThat(report).as("the edge scale's CPU per message").contains("The machine spent 93.8 ms of CPU per"
                + " message (the core 31.3, the edges 15.6)").contains("8 SMSC links at their ceiling would need 375"
                + " processors.");
    }

    @Test
    void sessionsHeldIsTheLargestStepWithEverySessionHeldAndTheMedianP99WithinTwiceTheFirstSteps() {
        String report = new ResultsReport(results()).render();

        // step 10 is the reference: p99s 10, 20, 30 ms, median 20 ms. 1000: median 60 ms, 3.0x, misses (b);
        // 5000: median 40 ms, 2.0x, held; 10000: 1.0x but one session silent, misses (a)
        assertThat(report).contains("| Sessions: idle STOMP sessions held (the largest step with all open and"
                + " heart-beating and the chat p99 within 2× its value at the first step) | ≥ 10,000 | 5000 (1 run)"
                + " | no |");
        assertThat(report).contains("below it [1000] missed the 2× bound (flagged in section 6)");
        assertThat(report).contains("| 1000 | 1000 / 0 / 0 / 0 |").contains("| 3.00 (2.50–3.50) | **no: p99 over 2×** |");
        assertThat(report).contains("| 5000 | 5000 / 0 / 0 / 0 |").contains("| 2.00 (1.50–2.50) | yes |");
        assertThat(report).contains("| 10000 | 10000 / 0 / 0 / 1 |")
                .contains("| 1.00 (1 run) | **no: sessions lost or silent** |");
        assertThat(report).contains("**5000** idle sessions. Below it, [1000] missed the latency bound");
    }

    @Test
    void noStepHeldMakesTheFigureZero() {
        SessionsRun.Result sessions = new SessionsRun.Result(List.of(
                step(10, 9, 0, List.of(20)),
                step(1000, 1000, 0, List.of(50))), "10000,10000");

        assertThat(sessions.held()).isZero();
        assertThat(sessions.missedBelowHeld()).isEmpty();
    }

    @Test
    void heapUseAddsTheGenerationsOfTheSerialCollectorsSummary() {
        String heapInfo = """
                12345:
                 def new generation   total 116160K, used 2048K [0x00000000e0000000, 0x00000000e7e00000)
                  eden space 103296K,   1% used [0x00000000e0000000, 0x00000000e4cb9740, 0x00000000e64e0000)
                 tenured generation   total 258048K, used 1024K [0x00000000eaaa0000, 0x0000000100000000)
                 Metaspace       used 12859K, committed 13248K, reserved 1114112K
                """;

        assertThat(HeapUse.usedBytes(heapInfo)).isEqualTo(3072L * 1024);
        assertThat(HeapUse.usedBytes("no heap here")).isEqualTo(-1);
    }

    @Test
    void aMissingMeasurementIsReportedNotInvented() {
        BenchResults results = new BenchResults(SETTINGS, Machine.describe(), "java -jar sluice.jar");
        results.notMeasured.put("4. Core", "failed in this run: boom");
        results.deliveries.add("MT", 10, 9);

        String report = new ResultsReport(results).render();

        assertThat(report).contains("| Core: durable PC→PC msg/s, Sluice / bare Artemis | ≥ 0.5 | — | not measured |");
        assertThat(report).contains("- **4. Core**: failed in this run: boom");
        assertThat(report).contains("| Sessions: idle STOMP sessions held (the largest step with all open and"
                + " heart-beating and the chat p99 within 2× its value at the first step) | ≥ 10,000 | — | not measured |");
        assertThat(report).contains(ResultsReport.ALL_ARRIVED + "NO").contains("- MT: 9 of 10 arrived");
        // no sweep in this run: the rows name the round trips the mode measures, not "RTT 0 ms / at 0 ms"
        assertThat(report).contains("| MT throughput, Sluice at RTT 1000 ms / at 0 ms | ≥ 0.95 | — | not measured |")
                .contains("| MT throughput, Sluice / baseline at RTT 300 ms | ≥ 100 | — | not measured |");
    }

    @Test
    void theChartIsSvgWithOneLinePerSeries() {
        String svg = new SvgChart("t", "x", "y", List.of("0 ms", "300 ms"))
                .add("a", List.of(Spread.of(List.of(10.0, 12.0)), Spread.of(List.of(11.0))))
                .add("b", List.of(Spread.of(List.of(300.0)), Spread.of(List.of(3.0))))
                .render();

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<path ", -1)).hasSize(3);
    }

    private static BenchResults results() {
        BenchResults results = new BenchResults(SETTINGS, Machine.describe(), "java -jar sluice.jar");
        Map<Integer, WanSweep.AtRtt> sweep = new LinkedHashMap<>();
        sweep.put(0, at(List.of(10.0, 10.0, 10.0)));
        sweep.put(300, at(List.of(20.0, 20.0, 20.0)));
        sweep.put(1000, at(List.of(20.0, 30.0, 10.0)));
        results.sweep = sweep;
        results.deliveries.add("MT", 10, 10);
        results.deliveries.add("MO", 20, 20);
        results.moTurnaroundNanos = new long[] {3_000_000, 4_000_000};
        results.diskSyncNanos = new long[] {1_000_000};
        results.recovery.add(new RecoveryRun.Result(100, 100, 2.0, 7.0));
        results.core = new CoreComparison.Result(List.of(100.0), List.of(400.0), new long[] {5_000_000},
                new long[] {1_000_000});
        results.sessions = new SessionsRun.Result(List.of(
                step(10, 10, 0, List.of(10, 20, 30)),
                step(1000, 1000, 0, List.of(50, 60, 70)),
                step(5000, 5000, 0, List.of(30, 40, 50)),
                step(10000, 10000, 1, List.of(20))), "10000,10000");
        results.edgeScale = new EdgeScaleRun.Result(8, List.of(new MtRun.Result(100, 0.2, 40, 40)),
                List.of(new MtRun.Result(400, 0.8, 320, 320)), new EdgeScaleRun.Cpu(10, 5, 1, 1, 30), 20, "1.0",
                List.of(150.0, 380.0, 395.0, 400.0));
        return results;
    }

    private static SessionsRun.Step step(int sessions, int open, int silent, List<Integer> p99Millis) {
        List<long[]> runs = p99Millis.stream().map(ms -> new long[] {ms * 1_000_000L}).toList();
        return new SessionsRun.Step(sessions, new IdleSessions.Counts(sessions, open, 0, 0, silent), 1.0, 1 << 20,
                "1.0", runs);
    }

    private static WanSweep.AtRtt at(List<Double> mtRates) {
        WanSweep.AtRtt at = new WanSweep.AtRtt();
        for (double rate : mtRates) {
            at.mt.add(new MtRun.Result(rate, 0.05, 10, 10));
            at.mo.add(new MoRun.Result(rate * 2, 10, 10));
            at.baseline.add(new BaselineRun.Result(3.0, 9));
        }
        return at;
    }
}
