package io.sluice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import io.sluice.link.tls.LinkPki;

/**
 * The second installation of a run, for measurements 6 and 7: one core with a 1 GiB heap serving
 * {@code edges} carriers, each with its own edge process (own carrier name, number prefix, edge password and
 * link certificate, as an operator would add carriers), all bound to one SMSC emulator under an account of
 * their own with its own password (ADR 0011, "Sessions and edge scale"). The edges dial the core directly:
 * the WAN is not what these measurements are about. The processes start as {@link BenchSites}' do, with the
 * demo's credentials profile (ADR 0017; {@link Children}); each carrier's own passwords on the command line
 * replace the profile's.
 */
final class ScaleSites implements AutoCloseable {

    /** Carrier names, in the order edges are added; the first is the one of the single-edge runs. */
    static final List<String> CARRIERS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
            "hotel");
    /** Carrier {@code i} serves numbers starting with this prefix followed by {@code i}. */
    private static final String PREFIX = "+4477009";
    /** Accounts of the idle sessions of measurement 6 (seed accounts of this core only). */
    static final List<IdleSessions.Login> IDLE_LOGINS = IntStream.rangeClosed(1, 4)
            .mapToObj(i -> new IdleSessions.Login("idle-" + i, "idle-pw-" + i)).toList();

    final int emulatorHttpPort = BenchSites.freePort();
    final int smppPort = BenchSites.freePort();
    final int coreHttpPort = BenchSites.freePort();
    final int stompPort = BenchSites.freePort();
    final int edgeLinkPort = BenchSites.freePort();

    private final BenchProperties settings;
    private final List<String> carriers;
    private final int maxStompConnections;
    private final Children children;
    private RoleProcess emulatorProcess;
    private RoleProcess core;
    private final List<RoleProcess> edges = new ArrayList<>();

    /**
     * @param edges               how many carriers, each with its edge
     * @param maxStompConnections the core's cap on STOMP connections: above the idle sessions and the chat
     */
    ScaleSites(BenchProperties settings, String classPath, int edges, int maxStompConnections) {
        if (edges < 1 || edges > CARRIERS.size()) {
            throw new IllegalArgumentException("edges must be 1.." + CARRIERS.size() + ", not " + edges);
        }
        this.settings = settings;
        this.carriers = CARRIERS.subList(0, edges);
        this.maxStompConnections = maxStompConnections;
        this.children = new Children(settings, settings.workDir().resolve("scale"), classPath);
    }

    ScaleSites start() throws Exception {
        Path dataDir = children.dataDir();
        LinkPki pki = LinkPki.localInstallation(dataDir.resolve("tls"), carriers);
        List<String> emulator = new ArrayList<>(List.of(
                "--sluice.emulator.smpp-port=" + smppPort,
                "--sluice.emulator.cimd2-port=-1",
                "--sluice.emulator.handshake-time=" + settings.handshakeTime().toNanos() + "ns",
                "--sluice.emulator.service-system-id=" + carriers.get(0)));
        // an account per carrier: receipts go back to binds of the account that submitted the message
        carriers.forEach(carrier -> emulator.add("--sluice.emulator.accounts." + carrier + "=" + smscPassword(carrier)));
        emulatorProcess = children.start(Role.SMSC_EMULATOR, emulatorHttpPort, "scale-smsc-emulator", emulator);

        List<String> core = new ArrayList<>(List.of(
                "--spring.config.import=file:" + pki.coreSettings(),
                "--sluice.core.limits.messages-per-second=0",
                "--sluice.core.stomp-port=" + stompPort,
                "--sluice.core.edge-port=" + edgeLinkPort,
                "--sluice.core.bind-host=127.0.0.1",
                "--sluice.core.max-stomp-connections=" + maxStompConnections));
        for (String carrier : carriers) {
            core.add("--sluice.core.carriers." + carrier + ".edge-password=" + edgePassword(carrier));
            // replaces the default carrier's catch-all "+": every carrier has its own prefix
            core.add("--sluice.core.carriers." + carrier + ".prefixes[0]=" + prefix(carrier));
        }
        for (IdleSessions.Login login : IDLE_LOGINS) {
            core.add("--sluice.core.users." + login.user() + ".password=" + login.password());
        }
        this.core = children.start(Role.CORE, coreHttpPort, "scale-core",
                settings.childJvmOptions(BenchProperties.SESSIONS_CORE_HEAP), core);

        for (String carrier : carriers) {
            edges.add(children.start(Role.EDGE, BenchSites.freePort(), "scale-edge-" + carrier, List.of(
                    "--spring.config.import=file:" + pki.edgeSettings(carrier),
                    "--sluice.site-data-dir=" + dataDir.resolve("edge-" + carrier),
                    "--sluice.edge.carrier=" + carrier,
                    "--sluice.edge.core-password=" + edgePassword(carrier),
                    "--sluice.edge.core-uri=tcp://127.0.0.1:" + edgeLinkPort,
                    "--sluice.edge.smsc.host=127.0.0.1",
                    "--sluice.edge.smsc.port=" + smppPort,
                    "--sluice.edge.smsc.system-id=" + carrier,
                    "--sluice.edge.smsc.password=" + smscPassword(carrier),
                    "--sluice.edge.smsc.max-submits-per-second=" + settings.edgeMaxSubmitsPerSecond())));
        }
        children.awaitReady();
        return this;
    }

    List<String> carriers() {
        return carriers;
    }

    /** A phone number served by this carrier. */
    static String phoneOf(String carrier) {
        return prefix(carrier) + "0001";
    }

    private static String prefix(String carrier) {
        return PREFIX + String.format(Locale.ROOT, "%02d", CARRIERS.indexOf(carrier));
    }

    private static String edgePassword(String carrier) {
        return carrier + "-edge-pw";
    }

    /** The carrier's own SMSC bind password (SMPP allows at most 8 characters). */
    private static String smscPassword(String carrier) {
        return "smsc-pw" + CARRIERS.indexOf(carrier);
    }

    EmulatorClient emulator() {
        return new EmulatorClient(emulatorHttpPort);
    }

    RoleProcess core() {
        return core;
    }

    RoleProcess emulatorProcess() {
        return emulatorProcess;
    }

    List<RoleProcess> edges() {
        return List.copyOf(edges);
    }

    @Override
    public void close() throws InterruptedException {
        children.close();
    }
}
