package io.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measurement 4: durable PC-to-PC messages per second through Sluice's core (alice's outbox, the
 * dispatch route, bob's inbox, and alice's status updates) against a bare Artemis queue with the same
 * broker configuration, the same client code, in the same run, repeat by repeat side by side; then the
 * latency of each at half of its own measured maximum.
 */
final class CoreComparison {

    private static final Logger LOG = LoggerFactory.getLogger(CoreComparison.class);
    private static final Duration BROKER_START = Duration.ofSeconds(120);

    record Result(List<Double> sluicePerSecond, List<Double> barePerSecond, long[] sluiceLatencyNanos,
            long[] bareLatencyNanos) {
    }

    private final BenchProperties settings;
    private final String classPath;
    private final Deliveries deliveries;

    CoreComparison(BenchProperties settings, String classPath, Deliveries deliveries) {
        this.settings = settings;
        this.classPath = classPath;
        this.deliveries = deliveries;
    }

    Result run(StompRates.Path sluice, BenchMode.Sizes sizes) throws Exception {
        int barePort = BenchSites.freePort();
        Path workDir = settings.workDir().toAbsolutePath();
        try (RoleProcess broker = RoleProcess.start(Role.BENCH, BenchSites.freePort(), settings.childJvmOptions(),
                List.of("--sluice.bench.bare-broker-stomp-port=" + barePort,
                        "--sluice.data-dir=" + workDir),
                workDir.resolve("logs").resolve("bare-broker.log"), classPath);
                BenchUser bareSender = awaitStomp(broker, barePort, null);
                BenchUser bareReceiver = awaitStomp(broker, barePort, BareBroker.DESTINATION)) {
            StompRates.Path bare = new StompRates.Path(bareSender, BareBroker.DESTINATION, Map.of(), bareReceiver);
            List<Double> sluiceRates = new ArrayList<>();
            List<Double> bareRates = new ArrayList<>();
            Duration timeout = WanSweep.timeoutFor(sizes.coreMessages(), Duration.ZERO);
            // One unmeasured run each first: the bare broker is a fresh JVM, Sluice's dispatch path is cold.
            maxRate("Sluice", sluice, "core-sluice-warmup", sizes.coreMessages(), timeout);
            maxRate("bare Artemis", bare, "core-bare-warmup", sizes.coreMessages(), timeout);
            for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
                sluiceRates.add(maxRate("Sluice", sluice, "core-sluice-r" + repeat, sizes.coreMessages(), timeout));
                bareRates.add(maxRate("bare Artemis", bare, "core-bare-r" + repeat, sizes.coreMessages(), timeout));
            }
            long[] sluiceLatency = latencies("Sluice", sluice, "lat-sluice", Spread.of(sluiceRates), sizes);
            long[] bareLatency = latencies("bare Artemis", bare, "lat-bare", Spread.of(bareRates), sizes);
            return new Result(sluiceRates, bareRates, sluiceLatency, bareLatency);
        }
    }

    private double maxRate(String what, StompRates.Path path, String tag, int messages, Duration timeout)
            throws IOException, InterruptedException {
        StompRates.MaxRate rate = StompRates.maxRate(path, tag, messages, timeout);
        deliveries.add("PC to PC, " + what + ", " + tag, rate.sent(), rate.arrived());
        LOG.info("PC to PC through {}: {} /s", what, rate.perSecond());
        return rate.perSecond();
    }

    private long[] latencies(String what, StompRates.Path path, String tag, Spread maxRate, BenchMode.Sizes sizes)
            throws IOException, InterruptedException {
        double half = maxRate.measured() ? maxRate.median() / 2 : 1;
        List<long[]> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
            StompRates.Latencies latencies = StompRates.latencies(path, tag + "-r" + repeat, sizes.latencyMessages(),
                    half, WanSweep.timeoutFor(sizes.latencyMessages(), Duration.ZERO).plusSeconds(
                            (long) (sizes.latencyMessages() / half)));
            deliveries.add("PC to PC latency, " + what + ", run " + repeat, latencies.sent(), latencies.nanos().length);
            runs.add(latencies.nanos());
        }
        return runs.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** Connects once the bare broker's STOMP port answers (the child has no HTTP readiness probe). */
    private static BenchUser awaitStomp(RoleProcess broker, int port, String subscription) throws Exception {
        long deadline = System.nanoTime() + BROKER_START.toNanos();
        while (true) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the bare broker ended; see " + broker.log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return BenchUser.connect(port, subscription == null ? "bench-sender" : "bench-receiver", "bench",
                        subscription);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bare broker did not listen within " + BROKER_START
                            + "; see " + broker.log(), notYet);
                }
                Thread.sleep(Polling.INTERVAL.toMillis() * 10); // pacing the probe of a starting process
            }
        }
    }
}
