package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sluice.cli.CommandOutcome;
import io.sluice.cli.OneShotRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The bench role: starts the installation, runs the measurements in the order that keeps the sites'
 * state simple (the emulator restart for the fast handshake comes last), writes the report, and exits 0
 * only if every message of every run arrived. A measurement that fails is reported as not measured, with
 * the reason, and the others go on.
 */
@Component
@Profile("bench")
@EnableConfigurationProperties(BenchProperties.class)
class BenchRunner extends OneShotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);
    static final int EXIT_MESSAGES_MISSING = 1;
    /** STOMP connections the scale core allows beyond the idle sessions: the chat load's and a margin. */
    private static final int CHAT_AND_SPARE_CONNECTIONS = 100;
    /** The warm-up may take up to this many rounds per repeat of the measurements (quick: 12). */
    private static final int WARM_UP_ROUNDS_PER_REPEAT = 4;
    /** The measurements taken on the first installation (the one with the WAN simulators). */
    private static final List<Integer> FIRST_INSTALLATION_SERVES = List.of(1, 2, 3, 4, 5);

    private final BenchProperties settings;

    BenchRunner(ConfigurableApplicationContext context, BenchProperties settings) {
        super(context);
        this.settings = settings;
    }

    /** One measurement; may fail without stopping the others. */
    private interface Step {
        void run() throws Exception;
    }

    @Override
    protected CommandOutcome execute(ApplicationArguments arguments) {
        if (settings.bareBrokerStompPort() > 0) {
            return serveBareBroker();
        }
        BenchResults results = new BenchResults(settings, Machine.describe(), CommandLine.ofThisProcess());
        long start = System.nanoTime();
        try {
            wipe(settings.workDir());
            measure(results);
        } catch (Exception e) {
            LOG.error("The benchmark could not run", e);
            results.notMeasured.put("Everything after the failure", "the installation failed: " + e);
            results.deliveries.add("the run as a whole (it stopped early)", 1, 0);
        }
        results.elapsed = Duration.ofNanos(System.nanoTime() - start);
        results.loadAtEnd = Machine.loadAverage();
        try {
            Path report = new ResultsReport(results).write(settings.outputDir());
            String summary = "Report written to " + report.toAbsolutePath() + "; " + ResultsReport.ALL_ARRIVED
                    + (results.deliveries.allArrived() ? "yes" : "NO");
            return results.deliveries.allArrived() ? CommandOutcome.done(summary)
                    : new CommandOutcome(EXIT_MESSAGES_MISSING, summary);
        } catch (IOException e) {
            return new CommandOutcome(EXIT_MESSAGES_MISSING, "could not write the report: " + e);
        }
    }

    private void measure(BenchResults results) throws Exception {
        BenchMode.Sizes sizes = settings.mode().sizes();
        String classPath = System.getProperty("java.class.path");
        // a developer's loop on measurements 6 and 7 alone need not start and warm the first installation
        if (FIRST_INSTALLATION_SERVES.stream().anyMatch(settings::measures)) {
            firstInstallation(results, sizes, classPath);
        } else {
            results.notMeasured.put("1.-5. on the installation with the WAN simulators", notSelected());
        }
        step(results, "6. Sessions and 7. Edge scale", List.of(6, 7), () -> scale(classPath, sizes, results));
    }

    /** Measurements 1-5 on the installation with the WAN simulators: core, one edge, emulator. */
    private void firstInstallation(BenchResults results, BenchMode.Sizes sizes, String classPath) throws Exception {
        LOG.info("Starting the sites (mode {}, work directory {})", settings.mode(), settings.workDir().toAbsolutePath());
        BenchSites sites = new BenchSites(settings, classPath);
        long starting = System.nanoTime();
        try {
            sites.start();
            LOG.info("The sites are ready after {} s", Math.round(Polling.seconds(starting, System.nanoTime())));
        } catch (Exception e) {
            sites.close();
            throw e;
        }
        try (sites;
                BenchUser alice = BenchUser.connect(sites.stompPort, "alice", "alice-pw", "/queue/sluice.inbox.alice");
                BenchUser bob = BenchUser.connect(sites.stompPort, "bob", "bob-pw", "/queue/sluice.inbox.bob")) {
            // the recording starts before the warm-up, which then absorbs what starting it costs the sites
            if (settings.profile()) {
                step(results, "Profile", () -> {
                    Profiler.start(sites.core().pid());
                    Profiler.start(sites.edge().pid());
                });
            }
            warmUp(sites, alice, bob, results);
            MoTurnaround turnaround = new MoTurnaround(sites.emulator());
            // the MO turnaround (3) is timed on the sweep's MO runs
            step(results, "1. WAN insensitivity", List.of(1, 3), () -> {
                WanSweep sweep = new WanSweep(sites, sizes, alice, bob, turnaround);
                results.sweep = sweep.run(results.deliveries);
                results.mtCpu = sweep.mtCpu();
            });
            results.moTurnaroundNanos = turnaround.samples();
            step(results, "3. Disk sync yardstick", List.of(3), () ->
                    results.diskSyncNanos = DiskSync.time(sites.edgeDataDir(), sizes.diskSyncs()));
            step(results, "4. Core", List.of(4), () -> results.core = new CoreComparison(settings, classPath,
                    results.deliveries).run(StompRates.pcToPc(alice, bob), sizes));
            step(results, "5. Recovery", List.of(5), () -> recovery(sites, alice, sizes, results));
            if (settings.profile()) {
                step(results, "Profile", () -> results.profile = profile(sites));
            }
            step(results, "2. Link utilisation at the fast handshake", List.of(2), () -> fastUtilisation(sites, alice,
                    sizes, results));
        }
    }

    /**
     * Measurements 6 and 7 on a second installation, started once the first is stopped: edge scale first,
     * while no idle session is open, then the sessions, with the edges connected and idle.
     */
    private void scale(String classPath, BenchMode.Sizes sizes, BenchResults results) throws Exception {
        int sessions = sizes.sessions().steps().stream().mapToInt(Integer::intValue).max().orElse(0);
        LOG.info("Starting the scale installation ({} edges)", sizes.edges().count());
        try (ScaleSites scale = new ScaleSites(settings, classPath, sizes.edges().count(),
                sessions + CHAT_AND_SPARE_CONNECTIONS)) {
            long starting = System.nanoTime();
            scale.start();
            LOG.info("The scale installation is ready after {} s", Math.round(Polling.seconds(starting, System.nanoTime())));
            try (BenchUser alice = BenchUser.connect(scale.stompPort, "alice", "alice-pw", null);
                    BenchUser bob = BenchUser.connect(scale.stompPort, "bob", "bob-pw", "/queue/sluice.inbox.bob")) {
                step(results, "7. Edge scale", List.of(7), () -> results.edgeScale =
                        new EdgeScaleRun(scale, results.deliveries).run(alice, sizes));
                step(results, "6. Sessions", List.of(6), () -> results.sessions =
                        new SessionsRun(scale, results.deliveries).run(StompRates.pcToPc(alice, bob), sizes));
            }
        }
    }

    /**
     * Bursts each way until the rates settle ({@link WarmUp}), at most four rounds per repeat of the
     * measurements, before anything is measured.
     */
    private void warmUp(BenchSites sites, BenchUser alice, BenchUser bob, BenchResults results) throws Exception {
        BenchMode.Sizes sizes = settings.mode().sizes();
        results.warmUp = WarmUp.run(sites, alice, bob, sizes, WARM_UP_ROUNDS_PER_REPEAT * sizes.repeats(),
                settings.startupTimeout(), results.deliveries);
    }

    private void recovery(BenchSites sites, BenchUser alice, BenchMode.Sizes sizes, BenchResults results)
            throws Exception {
        sites.coreWan().roundTrip(Duration.ofMillis(BenchResults.RECOVERY_RTT_MS));
        RecoveryRun run = new RecoveryRun(alice, sites.emulator(), sites.coreWan());
        for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
            RecoveryRun.Result result = run.run("recovery-r" + repeat, sizes.blackHole());
            results.deliveries.add("recovery run " + repeat, result.backlog(), result.arrived());
            results.recovery.add(result);
            LOG.info("Recovery run {}: backlog {} drained in {} s", repeat, result.backlog(), result.drainSeconds());
        }
    }

    private void fastUtilisation(BenchSites sites, BenchUser alice, BenchMode.Sizes sizes, BenchResults results)
            throws Exception {
        sites.restartEmulator(settings.fastHandshakeTime());
        Polling.until(sites.emulator()::counters, c -> c.binds() > 0, settings.startupTimeout());
        sites.coreWan().roundTrip(Duration.ofMillis(BenchResults.UTILISATION_RTT_MS));
        MtRun mt = new MtRun(alice, sites.emulator());
        for (int repeat = 1; repeat <= sizes.repeats(); repeat++) {
            MtRun.Result result = mt.run("fast-r" + repeat, sizes.mtMessages(),
                    WanSweep.timeoutFor(sizes.mtMessages(), Duration.ofMillis(BenchResults.UTILISATION_RTT_MS)));
            results.deliveries.add("MT at the fast handshake, run " + repeat, result.sent(), result.arrived());
            results.fastUtilisation.add(result.utilisation());
        }
    }

    private String profile(BenchSites sites) throws Exception {
        Path directory = settings.workDir().toAbsolutePath().resolve("jfr");
        Files.createDirectories(directory);
        StringBuilder notes = new StringBuilder("Recorded with JFR (`settings=profile`, started before the warm-up,"
                + " dumped after the recovery runs) in the core and the edge while they were measured.\n\n");
        for (var site : List.of(sites.core(), sites.edge())) {
            Path file = directory.resolve(site.role().profile() + ".jfr");
            Profiler.dump(site.pid(), file);
            notes.append(JfrSummary.of(site.role().profile(), file)).append('\n');
            notes.append(JfrWaits.of(site.role().profile(), file)).append('\n');
        }
        return notes.toString();
    }

    /**
     * A step that serves measurements {@code serves} (numbered as in the issue): skipped, and reported as
     * not selected, when {@code sluice.bench.measurements} names none of them.
     */
    private void step(BenchResults results, String name, List<Integer> serves, Step step) {
        if (serves.stream().noneMatch(settings::measures)) {
            results.notMeasured.put(name, notSelected());
            return;
        }
        step(results, name, step);
    }

    private String notSelected() {
        return "not selected in this run (sluice.bench.measurements="
                + settings.measurements().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }

    private static void step(BenchResults results, String name, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("{} failed", name, e);
            results.notMeasured.put(name, "failed in this run: " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This process is the bare broker of the core comparison: serve until the parent stops it. */
    private CommandOutcome serveBareBroker() {
        try {
            BareBroker.start(settings.bareBrokerStompPort(), settings.workDir().resolve("bare-broker"));
            new CountDownLatch(1).await(); // SIGTERM from the parent (or ParentWatch) ends the process
            return CommandOutcome.done("bare broker stopped");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new CommandOutcome(EXIT_MESSAGES_MISSING, "the bare broker failed: " + e);
        }
    }

    /** The run's own work directory (journals and logs of the last run): started afresh each time. */
    private static void wipe(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
