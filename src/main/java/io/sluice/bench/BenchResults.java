package io.sluice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, for the report. Fields stay empty for what was not measured. */
final class BenchResults {

    final BenchProperties settings;
    final Machine machine;
    final String command;
    final Instant started = Instant.now();
    final Deliveries deliveries = new Deliveries();
    /** Measurements that failed or were skipped: measurement name to the reason. */
    final Map<String, String> notMeasured = new LinkedHashMap<>();
    Duration elapsed = Duration.ZERO;
    /** 1-minute load averages of the machine when the run started and ended: how shared it was. */
    final String loadAtStart = Machine.loadAverage();
    String loadAtEnd = "unknown";

    /** The warm-up's rounds, before anything was measured. */
    WarmUp.Rounds warmUp;
    Map<Integer, WanSweep.AtRtt> sweep = Map.of();
    /** CPU time by process during the sweep's MT runs; null when the sweep did not run. */
    CpuAccount mtCpu;
    /** Link utilisation at the fast handshake time, RTT {@link #UTILISATION_RTT_MS}, per run. */
    final List<Double> fastUtilisation = new ArrayList<>();
    long[] moTurnaroundNanos = new long[0];
    long[] diskSyncNanos = new long[0];
    CoreComparison.Result core;
    final List<RecoveryRun.Result> recovery = new ArrayList<>();
    SessionsRun.Result sessions;
    EdgeScaleRun.Result edgeScale;
    /** Notes from profiling the core and the edge (JFR), markdown; empty when not profiled. */
    String profile = "";

    static final int UTILISATION_RTT_MS = 300;
    static final int RECOVERY_RTT_MS = 300;

    BenchResults(BenchProperties settings, Machine machine, String command) {
        this.settings = settings;
        this.machine = machine;
        this.command = command;
    }
}
