package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness in its smoke form: the bench role, run as a user runs it, starts its own core,
 * edge, emulator, WAN simulators and bare broker, then the scale installation (one core, two edges) for
 * measurements 6 and 7, drives every measurement with tiny sizes and writes its report. Asserts only that
 * every message arrived, every measurement ran and the report was written: timings on a shared test
 * machine prove nothing.
 */
class BenchSmokeIT {

    private static final Duration WHOLE_RUN = Duration.ofMinutes(20);

    @Test
    void smokeRunDeliversEveryMessageAndWritesTheReport(@TempDir Path output) throws Exception {
        Path dataDir = Path.of("target", "it-sites", "bench-" + ProcessHandle.current().pid()).toAbsolutePath();
        int exitCode;
        try (RoleProcess bench = SiteJvm.start(Role.BENCH, FreePorts.next(), List.of(
                "--sluice.bench.mode=smoke",
                "--sluice.bench.full-jit=false", // C1 only, as every other IT's sites: they start faster
                "--sluice.bench.output-dir=" + output,
                "--sluice.data-dir=" + dataDir), dataDir.resolve("bench.log"))) {
            exitCode = bench.awaitExit(WHOLE_RUN);
        }

        Path report = output.resolve("RESULTS.md");
        assertThat(report).exists();
        assertThat(output.resolve("throughput-vs-rtt.svg")).exists();
        assertThat(output.resolve("chat-latency-vs-sessions.svg")).exists();
        // every measurement ran (one that throws is reported "failed in this run" and the others go on)
        assertThat(Files.readString(report)).contains("Every message arrived: yes").doesNotContain("failed in this run")
                .containsPattern("\\| Warm-up .*\\| \\d+ round\\(s\\), ");
        assertThat(exitCode).as("exit code of the bench role; its log is " + dataDir.resolve("bench.log")).isZero();
    }
}
