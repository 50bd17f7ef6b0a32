package io.sluice.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sluice.Role;
import io.sluice.credentials.DemoCredentials;
import io.sluice.link.tls.LinkPki;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo: starts the SMSC emulator, the core and one edge as child processes on embedded
 * defaults, waits until each is ready, prints where to point a browser, and stops them all when
 * the demo stops (Ctrl-C).
 */
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
class DemoSupervisor implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSupervisor.class);

    /** The carrier of the demo's edge: the edge role's default (application-edge.yml). */
    private static final String DEMO_CARRIER = "alpha";

    private final DemoProperties demo;
    private final Path dataDir;
    private final List<RoleProcess> children = new ArrayList<>();

    DemoSupervisor(DemoProperties demo, @Value("${sluice.data-dir}") Path dataDir) {
        this.demo = demo;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String classPath = System.getProperty("java.class.path");
        // the demo's well-known credentials (ADR 0017): without them a site refuses to start
        List<String> common = List.of("--sluice.data-dir=" + dataDir.toAbsolutePath(), DemoCredentials.ARGUMENT);
        // Mutual TLS between edge and core (ADR 0015), with a CA made for this run.
        LinkPki pki = LinkPki.localInstallation(dataDir.resolve("tls"), List.of(DEMO_CARRIER));
        start(Role.SMSC_EMULATOR, demo.emulatorHttpPort(), classPath, common,
                "--sluice.emulator.smpp-port=" + demo.smppPort(),
                "--sluice.emulator.cimd2-port=" + demo.cimd2Port());
        start(Role.CORE, demo.coreHttpPort(), classPath, common,
                "--sluice.core.stomp-port=" + demo.stompPort(),
                "--sluice.core.edge-port=" + demo.edgeLinkPort(),
                "--spring.config.import=file:" + pki.coreSettings().toAbsolutePath(),
                "--sluice.demo.wan-url=http://localhost:" + demo.wanHttpPort(),
                "--sluice.demo.edge-url=http://localhost:" + demo.edgeHttpPort());
        // The internet between the carrier's edge and the core, with its latency (and cuts on demand).
        start(Role.WAN, demo.wanHttpPort(), classPath, common,
                "--sluice.wan.listen-port=" + demo.wanPort(),
                "--sluice.wan.target-port=" + demo.edgeLinkPort(),
                "--sluice.wan.one-way-latency=" + demo.wanOneWayLatency().toMillis() + "ms");
        start(Role.EDGE, demo.edgeHttpPort(), classPath, common,
                "--sluice.edge.core-uri=tcp://localhost:" + demo.wanPort(),
                "--spring.config.import=file:" + pki.edgeSettings(DEMO_CARRIER).toAbsolutePath(),
                "--sluice.edge.smsc.port=" + demo.smppPort());
        for (RoleProcess child : children) {
            child.awaitReady(demo.startupTimeout());
            LOG.info("{} is ready (pid {}, log {})", child.role().profile(), child.pid(), child.log());
        }
        System.out.println(banner());
    }

    private void start(Role role, int httpPort, String classPath, List<String> common, String... specific)
            throws Exception {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(List.of(specific));
        Path log = dataDir.resolve("logs").resolve(role.profile() + ".log");
        RoleProcess child = RoleProcess.start(role, httpPort, arguments, log, classPath);
        children.add(child);
        LOG.info("Starting {} (pid {}), log in {}", role.profile(), child.pid(), log.toAbsolutePath());
    }

    private String banner() {
        return String.join(System.lineSeparator(),
                "",
                "  Sluice demo is running. Stop it with Ctrl-C.",
                "",
                "  Web chat (log in as alice/alice-pw, bob/bob-pw or carol/carol-pw; the Link panel",
                "  shows both rings live and cuts or restores the simulated WAN, "
                        + demo.wanOneWayLatency().toMillis() + " ms each way):",
                "      http://localhost:" + demo.coreHttpPort() + "/",
                "  Simulated phones (SMSC emulator):",
                "      http://localhost:" + demo.emulatorHttpPort() + "/",
                "  Hawtio console of the core (Camel routes, JMX tree with the Artemis broker); log in as",
                "  operator/demo-operator-pw (looks) or admin/demo-admin-pw (may also delete and purge):",
                "      http://localhost:" + demo.coreHttpPort() + "/actuator/hawtio/",
                "  Hawtio console of the edge (the same logins):",
                "      http://localhost:" + demo.edgeHttpPort() + "/actuator/hawtio/",
                "  WAN simulator between edge and core (REST; or --sluice.role=wan-ctl):",
                "      http://localhost:" + demo.wanHttpPort() + "/api/wan",
                "  STOMP for your own clients: tcp://localhost:" + demo.stompPort()
                        + " and ws://localhost:" + demo.stompPort(),
                "  Logs: " + dataDir.resolve("logs").toAbsolutePath(),
                "");
    }

    @PreDestroy
    void stopChildren() throws InterruptedException {
        for (int i = children.size() - 1; i >= 0; i--) {
            RoleProcess child = children.get(i);
            LOG.info("Stopping {}", child.role().profile());
            child.close();
        }
    }
}
