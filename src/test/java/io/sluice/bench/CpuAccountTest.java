package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** CPU time by process over stretches of wall time, read from /proc for real. */
class CpuAccountTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void whatAProcessUsedDuringTheStretchesIsSummedAndSharedOutPerMessage() {
        CpuAccount account = new CpuAccount(Map.of("this test", SELF));
        for (int stretch = 0; stretch < 2; stretch++) {
            CpuAccount.Reading start = account.read();
            double used = busyFor(0.05);
            account.addSince(start, 10);
            assertThat(used).as("CPU seconds this stretch used by /proc's count").isGreaterThanOrEqualTo(0.05);
        }

        assertThat(account.messages()).isEqualTo(20);
        assertThat(account.seconds().get("this test")).isGreaterThanOrEqualTo(0.1);
        assertThat(account.wallSeconds()).isPositive();
        assertThat(account.machineSeconds()).as("the machine was busy at least with this process")
                .isGreaterThanOrEqualTo(account.seconds().get("this test") - 0.02);
    }

    @Test
    void theReportListsEveryProcessWithItsShareAndItsCostPerMessage() {
        BenchResults results = new BenchResults(ResultsReportTest.SETTINGS, Machine.describe(), "java -jar sluice.jar");
        results.mtCpu = new CpuAccount(Map.of("core", SELF));
        CpuAccount.Reading start = results.mtCpu.read();
        busyFor(0.02);
        results.mtCpu.addSince(start, 4);

        String report = new ResultsReport(results).render();

        assertThat(report).contains("CPU time during the MT runs").contains("4 MT messages")
                .contains("| Process | CPU seconds | processors busy on it | CPU ms per MT message |")
                .contains("| core | ").contains("| other work on the machine | ").contains("| the whole machine | ")
                .contains("- **CPU**: during the MT runs the machine kept ");
    }

    /** Spins until this process has used {@code seconds} more CPU by /proc's count (bounded); returns how much. */
    private static double busyFor(double seconds) {
        double from = CpuTime.seconds(SELF);
        long deadline = System.nanoTime() + 10_000_000_000L;
        double spent = 0;
        long sink = 0;
        while (spent < seconds && System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000_000; i++) {
                sink += i ^ sink;
            }
            spent = CpuTime.seconds(SELF) - from;
        }
        assertThat(sink).isNotEqualTo(42); // keeps the loop from being optimised away
        return spent;
    }
}
