package io.sluice.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
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
    final Path dataDir;

    private final String classPath;
    /** The protocol the edge speaks to the emulator (see {@link #withCimd2Carrier}). */
    private String smscProtocol = "smpp";
    /** Between the edge and the core when set (see {@link #withWan}). */
    private WanSimulator wan;
    private RoleProcess emulator;
    private RoleProcess core;
    private RoleProcess edge;

    SluiceSites(String name) throws IOException {
        this.dataDir = Path.of("target", "it-sites", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dataDir);
        // Failsafe puts the application and its dependencies on this path; RoleProcess drops test classes.
        this.classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
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

    WanSimulator wan() {
        return wan;
    }

    /** Where the edge dials: the WAN simulator if there is one, else the core. */
    private int edgeDialPort() {
        return wan == null ? edgeLinkPort : wan.port();
    }

    SluiceSites start() throws Exception {
        startEmulator();
        startCore();
        startEdge();
        for (RoleProcess site : List.of(emulator, core, edge)) {
            site.awaitReady(STARTUP);
        }
        return this;
    }

    RoleProcess startEmulator() throws IOException {
        emulator = RoleProcess.start(Role.SMSC_EMULATOR, emulatorHttpPort, withData(
                "--sluice.emulator.smpp-port=" + smppPort,
                // a free port: site sets of parallel tests must not compete for the default 9971
                "--sluice.emulator.cimd2-port=" + cimd2Port), log("smsc-emulator"), classPath);
        return emulator;
    }

    RoleProcess startCore() throws IOException {
        core = RoleProcess.start(Role.CORE, coreHttpPort, withData(
                "--sluice.core.stomp-port=" + stompPort,
                "--sluice.core.edge-port=" + edgeLinkPort,
                "--sluice.core.bind-host=127.0.0.1"), log("core"), classPath);
        return core;
    }

    RoleProcess startEdge() throws IOException {
        edge = RoleProcess.start(Role.EDGE, edgeHttpPort, withData(
                "--sluice.edge.core-uri=tcp://127.0.0.1:" + edgeDialPort(),
                "--sluice.edge.smsc.host=127.0.0.1",
                "--sluice.edge.smsc.protocol=" + smscProtocol,
                "--sluice.edge.smsc.port=" + ("cimd2".equals(smscProtocol) ? cimd2Port : smppPort)), log("edge"),
                classPath);
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
        all.add("--logging.level.root=WARN");
        all.add("--logging.level.io.sluice=INFO");
        all.add("--logging.level.io.sluice.link=DEBUG"); // ring transitions, for post-mortems of failed runs
        return all;
    }

    private Path log(String role) {
        return dataDir.resolve("logs").resolve(role + ".log");
    }

    /** The site's own data directory (the edge's, to wipe it). */
    Path dataDirOf(String role) {
        return dataDir.resolve(role);
    }

    @Override
    public void close() throws Exception {
        for (RoleProcess site : new RoleProcess[] {edge, core, emulator}) {
            if (site != null) {
                site.close();
            }
        }
        if (wan != null) {
            wan.close();
        }
    }
}
