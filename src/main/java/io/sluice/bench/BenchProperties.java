package io.sluice.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the bench role ({@code sluice.bench.*}, README "Benchmarks").
 *
 * @param mode                      quick, full or smoke (sizes in {@link BenchMode})
 * @param outputDir                 where RESULTS.md and the plots are written
 * @param workDir                   site data and logs of the run; wiped at its start
 * @param fullJit                   children run with C2 (true) or, like the demo's, C1 only (false)
 * @param handshakeTime             the emulated SMSC's processing time h of every measurement but one
 * @param fastHandshakeTime         the shorter h of the second link-utilisation measurement
 * @param wanJitterPercent          WAN jitter as a percentage of the one-way latency
 * @param edgeMaxSubmitsPerSecond   the edge's contracted rate, set above the SMSC ceiling so it never limits
 * @param startupTimeout            how long each child may take to become ready
 * @param profile                   record the core and the edge with JFR while they are measured, and
 *                                  summarise where their CPU time went in the report
 * @param measurements              which of the measurements 1–7 to run (all by default); a
 *                                  developer's loop on one figure, the published figures run them all
 * @param bareBrokerStompPort       internal: {@code > 0} makes this process the bare broker of the core
 *                                  comparison, serving STOMP on this port, instead of running a benchmark
 */
@Validated
@ConfigurationProperties("sluice.bench")
public record BenchProperties(
        @NotNull BenchMode mode,
        @NotNull Path outputDir,
        @NotNull Path workDir,
        boolean fullJit,
        @NotNull Duration handshakeTime,
        @NotNull Duration fastHandshakeTime,
        @Min(0) @Max(100) int wanJitterPercent,
        @Min(1) int edgeMaxSubmitsPerSecond,
        @NotNull Duration startupTimeout,
        boolean profile,
        @NotNull @Size(min = 1) List<@Min(1) @Max(7) Integer> measurements,
        @Min(0) @Max(65535) int bareBrokerStompPort) {

    /** Heap of every child but the scale installation's core. */
    static final String CHILD_HEAP = "512m";
    /** Heap of the core that holds the idle sessions of measurement 6 (the 1 GiB). */
    static final String SESSIONS_CORE_HEAP = "1g";

    /** Whether measurement {@code number} (1–7, as in the issue) is to run. */
    public boolean measures(int number) {
        return measurements.contains(number);
    }

    /** JVM options of the children (core, edge, emulator, WAN simulators, bare broker). */
    public List<String> childJvmOptions() {
        return childJvmOptions(CHILD_HEAP);
    }

    /** As {@link #childJvmOptions()}, with this maximum heap ({@code -Xmx}). */
    public List<String> childJvmOptions(String maxHeap) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC"));
        if (!fullJit) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (profile) {
            // Camel's stacks are deep: JFR's default of 64 frames often stops short of the route's own code
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        return options;
    }
}
