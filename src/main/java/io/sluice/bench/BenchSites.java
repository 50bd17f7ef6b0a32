package io.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sluice.Role;
import io.sluice.link.tls.LinkPki;
import io.sluice.demo.RoleProcess;

/**
 * The installation under test, every part its own OS process on free ports: SMSC emulator, core, edge,
 * a WAN simulator between edge and core, and a second one in front of the emulator's SMPP port that
 * the baseline client dials (so both cross the same kind of path).
 */
final class BenchSites implements AutoCloseable {

    /** Enough for every PDU of a full run: MO turnarounds are read back from the emulator's traffic record. */
    static final int RECORDED_TRAFFIC = 200_000;

    final int emulatorHttpPort = freePort();
    /** The edge role's default carrier, which the benchmark's edge serves. */
    private static final String CARRIER = "alpha";

    final int smppPort = freePort();
    final int coreHttpPort = freePort();
    final int stompPort = freePort();
    final int edgeLinkPort = freePort();
    final int edgeHttpPort = freePort();
    final int coreWanHttpPort = freePort();
    final int coreWanPort = freePort();
    final int smscWanHttpPort = freePort();
    final int smscWanPort = freePort();

    private final BenchProperties settings;
    private final Path workDir;
    private final Children children;
    private RoleProcess emulator;
    private RoleProcess core;
    private RoleProcess edge;
    private RoleProcess coreWanProcess;
    private RoleProcess smscWanProcess;

    BenchSites(BenchProperties settings, String classPath) {
        this.settings = settings;
        this.workDir = settings.workDir().toAbsolutePath();
        this.children = new Children(settings, workDir, classPath);
    }

    BenchSites start() throws Exception {
        emulator = startEmulator(settings.handshakeTime());
        // the link runs over mutual TLS, as in production (ADR 0015), with a CA made for this run
        LinkPki pki = LinkPki.localInstallation(workDir.resolve("tls"), List.of(CARRIER));
        core = start(Role.CORE, coreHttpPort, "core",
                "--spring.config.import=file:" + pki.coreSettings(),
                // a few benchmark users send thousands each: the per-user flood limit would be the bottleneck
                "--sluice.core.limits.messages-per-second=0",
                "--sluice.core.stomp-port=" + stompPort,
                "--sluice.core.edge-port=" + edgeLinkPort,
                "--sluice.core.bind-host=127.0.0.1",
                // the benchmark's clients connect and leave many times; keep the default cap out of the way
                "--sluice.core.max-stomp-connections=1000");
        coreWanProcess = start(Role.WAN, coreWanHttpPort, "wan-core",
                "--sluice.wan.listen-port=" + coreWanPort,
                "--sluice.wan.target-host=127.0.0.1",
                "--sluice.wan.target-port=" + edgeLinkPort);
        smscWanProcess = start(Role.WAN, smscWanHttpPort, "wan-smsc",
                "--sluice.wan.listen-port=" + smscWanPort,
                "--sluice.wan.target-host=127.0.0.1",
                "--sluice.wan.target-port=" + smppPort);
        edge = start(Role.EDGE, edgeHttpPort, "edge",
                "--spring.config.import=file:" + pki.edgeSettings(CARRIER),
                "--sluice.edge.core-uri=tcp://127.0.0.1:" + coreWanPort,
                "--sluice.edge.smsc.host=127.0.0.1",
                "--sluice.edge.smsc.port=" + smppPort,
                "--sluice.edge.smsc.max-submits-per-second=" + settings.edgeMaxSubmitsPerSecond());
        children.awaitReady();
        return this;
    }

    /** Stops the emulator and starts it again on the same ports with another handshake time. */
    void restartEmulator(Duration handshakeTime) throws Exception {
        children.stop(emulator);
        emulator = startEmulator(handshakeTime);
        emulator.awaitReady(settings.startupTimeout());
    }

    private RoleProcess startEmulator(Duration handshakeTime) throws IOException {
        return start(Role.SMSC_EMULATOR, emulatorHttpPort, "smsc-emulator",
                "--sluice.emulator.smpp-port=" + smppPort,
                "--sluice.emulator.cimd2-port=-1",
                "--sluice.emulator.handshake-time=" + handshakeTime.toNanos() + "ns",
                "--sluice.emulator.recorded-traffic-limit=" + RECORDED_TRAFFIC);
    }

    private RoleProcess start(Role role, int httpPort, String name, String... specific) throws IOException {
        return children.start(role, httpPort, name, List.of(specific));
    }

    EmulatorClient emulator() {
        return new EmulatorClient(emulatorHttpPort);
    }

    WanControl coreWan() {
        return new WanControl(coreWanHttpPort, settings.wanJitterPercent());
    }

    WanControl smscWan() {
        return new WanControl(smscWanHttpPort, settings.wanJitterPercent());
    }

    /** The edge's own data directory: where its journal syncs, so where the disk-sync yardstick is timed. */
    Path edgeDataDir() {
        return workDir.resolve(Role.EDGE.profile());
    }

    /**
     * The processes whose CPU time the sweep accounts for, by the name the report gives them; the emulator's pid is
     * read at each call, since {@link #restartEmulator} replaces it.
     */
    Map<String, Long> pidsByName() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("core", core.pid());
        pids.put("edge", edge.pid());
        pids.put("SMSC emulator", emulator.pid());
        pids.put("WAN simulator, core side", coreWanProcess.pid());
        pids.put("WAN simulator, SMSC side", smscWanProcess.pid());
        pids.put("bench (STOMP clients, polling)", ProcessHandle.current().pid());
        return pids;
    }

    RoleProcess core() {
        return core;
    }

    RoleProcess edge() {
        return edge;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        children.close();
    }
}
