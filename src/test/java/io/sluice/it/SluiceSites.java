package io.sluice.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sluice.Role;
import io.sluice.credentials.DemoCredentials;
import io.sluice.demo.RoleProcess;
import io.sluice.link.tls.LinkPki;
import io.sluice.wan.WanProperties;
import io.sluice.wan.WanSimulator;

/**
 * A whole Sluice installation for integration tests: SMSC emulator, core and one edge, each a
 * separate OS process on free ports, with its own data directory under {@code target/it-sites}.
 */
final class SluiceSites implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(3);

    final int emulatorHttpPort = FreePorts.next();
    final int smppPort = FreePorts.next();
    final int cimd2Port = FreePorts.next();
    final int coreHttpPort = FreePorts.next();
    final int stompPort = FreePorts.next();
    final int edgeLinkPort = FreePorts.next();
    final int edgeHttpPort = FreePorts.next();
    /** Carrier beta (see {@link #withSecondCarrier}): its own SMSC emulator, spoken to in CIMD2, and its own edge. */
    final int betaEmulatorHttpPort = FreePorts.next();
    final int betaCimd2Port = FreePorts.next();
    final int betaEdgeHttpPort = FreePorts.next();
    /** A standby core (see {@link #withStandby}): its own HTTP, STOMP and edge ports, and the port its primary mirrors to. */
    final int standbyHttpPort = FreePorts.next();
    final int standbyStompPort = FreePorts.next();
    final int standbyEdgePort = FreePorts.next();
    final int standbyMirrorPort = FreePorts.next();
    /** How long the standby waits after losing its primary before it takes over (tests: short). */
    static final Duration TAKEOVER_AFTER = Duration.ofSeconds(3);
    private static final String MIRROR_PASSWORD = "it-mirror-pw";
    /**
     * With a standby: how long the edge's broker keeps a connection to the core on which nothing arrives
     * (Artemis' AMQP idle timeout, which is also that connection's TTL; its default is 60 s). The link's
     * heart-beats cross it every second while the core lives.
     */
    private static final long DEAD_CORE_CONNECTION_TTL_MS = 5_000;
    /** Messages each emulated handset keeps (the emulator's default is 1,000); the soaks count up to 100,000. */
    private static final int HANDSET_INBOX_LIMIT = 200_000;
    /** Numbers carrier beta serves; everything else goes to alpha. */
    static final String BETA_PREFIX = "+447700800";
    final Path dataDir;
    /** The link's CA and the sites' certificates and TLS settings files (ADR 0015). */
    final LinkPki pki;

    /** The protocol the edge speaks to the emulator (see {@link #withCimd2Carrier}). */
    private String smscProtocol = "smpp";
    /** Between the edge and the core when set (see {@link #withWan}). */
    private WanSimulator wan;
    private RoleProcess emulator;
    private RoleProcess core;
    private RoleProcess edge;
    private boolean secondCarrier;
    /** A folder of route files that core and edge load and watch (see {@link #withRoutesFrom}). */
    private Path routesFolder;
    private RoleProcess betaEmulator;
    private RoleProcess betaEdge;
    private boolean standby;
    private RoleProcess standbyCore;
    /** Settings of the test on top of the ones here (see {@link #withCoreSettings}, {@link #withEdgeSettings}). */
    private final List<String> coreSettings = new ArrayList<>();
    private final List<String> edgeSettings = new ArrayList<>();

    SluiceSites(String name) throws IOException {
        this.dataDir = Path.of("target", "it-sites", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dataDir);
        try {
            pki = LinkPki.localInstallation(dataDir.resolve("tls"), List.of("alpha", "beta"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("could not make the link's certificates", e);
        }
    }

    /**
     * Puts a WAN simulator (in this JVM) on the core↔edge link: the edge dials it, it forwards to the
     * core's edge port.
     */
    SluiceSites withWan(Duration oneWayLatency, Duration jitter) throws IOException {
        wan = new WanSimulator(new WanProperties("127.0.0.1", 0, "127.0.0.1", edgeLinkPort, oneWayLatency, jitter, 0, 42L));
        wan.start();
        return this;
    }

    /** The edge talks CIMD2 to the emulator instead of SMPP (ADR 0009); everything above the protocol is the same. */
    SluiceSites withCimd2Carrier() {
        smscProtocol = "cimd2";
        return this;
    }

    /**
     * Adds carrier beta for {@link #BETA_PREFIX} numbers: a second SMSC (emulator) and a second edge,
     * which speaks CIMD2 to it while alpha's speaks SMPP.
     */
    SluiceSites withSecondCarrier() {
        secondCarrier = true;
        return this;
    }

    /**
     * Core and edge load their routes from this folder instead of the jar, and reload a file when it
     * changes (development mode, {@code sluice.routes-reload}).
     */
    SluiceSites withRoutesFrom(Path folder) {
        routesFolder = folder;
        return this;
    }

    /**
     * Adds a passive standby core that the core mirrors its broker to (ADR 0014), started before the
     * core; the edge is given both cores' URIs.
     */
    SluiceSites withStandby() {
        standby = true;
        return this;
    }

    /** More command-line settings for the core, e.g. {@code --sluice.broker.min-disk-free=…}. */
    SluiceSites withCoreSettings(String... settings) {
        coreSettings.addAll(List.of(settings));
        return this;
    }

    /** More command-line settings for carrier alpha's edge. */
    SluiceSites withEdgeSettings(String... settings) {
        edgeSettings.addAll(List.of(settings));
        return this;
    }

    WanSimulator wan() {
        return wan;
    }

    /** Where the edge dials: the WAN simulator if there is one, else the core. */
    private int edgeDialPort() {
        return wan == null ? edgeLinkPort : wan.port();
    }

    /** Starts every site at once (their start-ups overlap), then waits until all are ready. */
    SluiceSites start() throws Exception {
        startEmulator();
        if (standby) {
            // at the same time as the core, whose sync mirror holds its operations until the standby is
            // there: the core's start-up waits for the standby's, no longer than it would in turn
            startStandby();
        }
        startCore();
        startEdge();
        List<RoleProcess> sites = new ArrayList<>(List.of(emulator, core, edge));
        if (secondCarrier) {
            startBeta();
            sites.add(betaEmulator);
            sites.add(betaEdge);
        }
        if (standby) {
            standbyCore.awaitAlive(STARTUP); // passive: alive, not ready
        }
        for (RoleProcess site : sites) {
            site.awaitReady(STARTUP);
        }
        return this;
    }

    RoleProcess startEmulator() throws IOException {
        emulator = SiteJvm.start(Role.SMSC_EMULATOR, emulatorHttpPort, withData(
                "--sluice.emulator.smpp-port=" + smppPort,
                // a free port: site sets of parallel tests must not compete for the default 9971
                "--sluice.emulator.cimd2-port=" + cimd2Port,
                // the tests count every delivery at the handsets: the soaks send up to 100,000
                "--sluice.emulator.handset-inbox-limit=" + HANDSET_INBOX_LIMIT), log("smsc-emulator"));
        return emulator;
    }

    RoleProcess startCore() throws IOException {
        List<String> arguments = withData(
                "--sluice.core.stomp-port=" + stompPort,
                "--sluice.core.edge-port=" + edgeLinkPort,
                "--sluice.core.bind-host=127.0.0.1",
                // bursts of thousands from one user are what these tests do; CoreRoutesTest checks the limit
                "--sluice.core.limits.burst=100000",
                "--spring.config.import=file:" + pki.coreSettings());
        if (secondCarrier) {
            arguments.add("--sluice.core.carriers.beta.edge-password=beta-edge-pw");
            arguments.add("--sluice.core.carriers.beta.prefixes[0]=" + BETA_PREFIX);
        }
        if (standby) {
            arguments.add("--sluice.core.standby.uri=tcp://127.0.0.1:" + standbyMirrorPort);
            arguments.add("--sluice.core.standby.mirror-password=" + MIRROR_PASSWORD);
        }
        arguments.addAll(coreSettings);
        core = SiteJvm.start(Role.CORE, coreHttpPort, arguments, log("core"));
        return core;
    }

    /** The standby core: passive, its own data directory, listening for the core's mirror. */
    RoleProcess startStandby() throws IOException {
        List<String> arguments = withData(
                "--sluice.core.stomp-port=" + standbyStompPort,
                "--sluice.core.edge-port=" + standbyEdgePort,
                "--sluice.core.bind-host=127.0.0.1",
                "--sluice.core.standby.passive=true",
                "--sluice.core.standby.mirror-port=" + standbyMirrorPort,
                "--sluice.core.standby.mirror-password=" + MIRROR_PASSWORD,
                "--sluice.core.standby.takeover-after=" + TAKEOVER_AFTER.toSeconds() + "s",
                "--sluice.core.limits.burst=100000", // as the core: the tests' bursts are no flood
                // the same certificate as the core: both are 127.0.0.1 to the edge, which checks the name
                "--spring.config.import=file:" + pki.coreSettings());
        arguments.add("--sluice.site-data-dir=" + dataDir.resolve("core-standby"));
        standbyCore = SiteJvm.start(Role.CORE, standbyHttpPort, arguments, log("core-standby"));
        return standbyCore;
    }

    RoleProcess standbyCore() {
        return standbyCore;
    }

    /**
     * The edge's broker connection: the core, then (with a standby) the standby, tried in turn. With a
     * standby, the connection to a killed primary is given up after {@link #DEAD_CORE_CONNECTION_TTL_MS}
     * instead of Artemis' 60 s. Seen with 60 s: a report the edge had sent just before the kill reached the
     * standby only once that old connection failed, a minute after the kill; meanwhile the standby's MT ring
     * filled up behind the slot it was about, and StandbyCoreIT waited a minute for nothing.
     */
    private String edgeCoreUri() {
        String primary = "tcp://127.0.0.1:" + edgeDialPort();
        return standby
                ? primary + "?amqpIdleTimeout=" + DEAD_CORE_CONNECTION_TTL_MS + "#tcp://127.0.0.1:" + standbyEdgePort
                : primary;
    }

    private void startBeta() throws IOException {
        List<String> emulatorArguments = withData(
                "--sluice.emulator.smpp-port=" + FreePorts.next(),
                "--sluice.emulator.cimd2-port=" + betaCimd2Port);
        emulatorArguments.add("--sluice.site-data-dir=" + dataDir.resolve("smsc-emulator-beta"));
        betaEmulator = SiteJvm.start(Role.SMSC_EMULATOR, betaEmulatorHttpPort, emulatorArguments,
                log("smsc-emulator-beta"));
        List<String> edgeArguments = withData(
                "--sluice.edge.carrier=beta",
                "--sluice.edge.core-password=beta-edge-pw",
                "--sluice.edge.core-uri=tcp://127.0.0.1:" + edgeDialPort(),
                "--sluice.edge.smsc.host=127.0.0.1",
                "--sluice.edge.smsc.protocol=cimd2",
                "--sluice.edge.smsc.port=" + betaCimd2Port,
                "--spring.config.import=file:" + pki.edgeSettings("beta"));
        edgeArguments.add("--sluice.site-data-dir=" + dataDir.resolve("edge-beta"));
        betaEdge = SiteJvm.start(Role.EDGE, betaEdgeHttpPort, edgeArguments, log("edge-beta"));
    }

    EmulatorApi betaEmulatorApi() {
        return new EmulatorApi(betaEmulatorHttpPort);
    }

    RoleProcess startEdge() throws IOException {
        List<String> arguments = withData(
                "--sluice.edge.core-uri=" + edgeCoreUri(),
                "--sluice.edge.smsc.host=127.0.0.1",
                "--sluice.edge.smsc.protocol=" + smscProtocol,
                "--sluice.edge.smsc.port=" + ("cimd2".equals(smscProtocol) ? cimd2Port : smppPort),
                "--spring.config.import=file:" + pki.edgeSettings("alpha"));
        arguments.addAll(edgeSettings);
        edge = SiteJvm.start(Role.EDGE, edgeHttpPort, arguments, log("edge"));
        return edge;
    }

    RoleProcess core() {
        return core;
    }

    RoleProcess edge() {
        return edge;
    }

    RoleProcess emulator() {
        return emulator;
    }

    EmulatorApi emulatorApi() {
        return new EmulatorApi(emulatorHttpPort);
    }

    private List<String> withData(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--sluice.data-dir=" + dataDir);
        all.add(DemoCredentials.ARGUMENT); // the demo's users, passwords and management logins (ADR 0017)
        all.add("--logging.level.root=WARN");
        all.add("--logging.level.io.sluice=INFO");
        all.add("--logging.level.io.sluice.link=DEBUG"); // ring transitions, for post-mortems of failed runs
        if (routesFolder != null) {
            all.add("--sluice.routes-location=file:" + routesFolder);
            all.add("--sluice.routes-reload=true");
            all.add("--logging.level.org.apache.camel.support.RouteWatcherReloadStrategy=INFO");
        }
        return all;
    }

    private Path log(String role) {
        return dataDir.resolve("logs").resolve(role + ".log");
    }

    /** The site's own data directory (the edge's, to wipe it). */
    Path dataDirOf(String role) {
        return dataDir.resolve(role);
    }

    /** Stops every site at once (SIGTERM to all, their shut-downs overlap), then the WAN simulator. */
    @Override
    public void close() throws Exception {
        List<RoleProcess> sites = new ArrayList<>();
        for (RoleProcess site : new RoleProcess[] {betaEdge, edge, core, standbyCore, betaEmulator, emulator}) {
            if (site != null) {
                sites.add(site);
            }
        }
        RoleProcess.closeAll(sites);
        if (wan != null) {
            wan.close();
        }
    }
}
