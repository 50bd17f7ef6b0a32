package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import io.sluice.link.tls.LinkPki;
import org.junit.jupiter.api.Test;

/**
 * The SMSC password never reaches a log (ADR 0017, issue 7): four edges, each its own process with its own
 * credentials from files (no demo profile), bind to the SMSC emulator — over SMPP and CIMD2, each with the
 * right password and with a wrong one, so that refused binds are logged too — with the SMPP and CIMD2 code
 * (jsmpp, camel-smpp, Netty, our CIMD2 client, Sluice's own classes) logging at DEBUG. Every line the edges
 * wrote, start-up and shut-down included, is then searched for either password, as text and in hex.
 */
class SmscPasswordLogIT {

    /** Distinctive, at most 8 characters (SMPP 3.4 §5.2.2). */
    private static final String PASSWORD = "Qz7vRk2w";
    private static final String WRONG_PASSWORD = "Wq4nXy8p";
    /** How jsmpp (0x0e, ESME_RINVPASWD) and our CIMD2 client (error 100) log a refused bind. */
    private static final Pattern REFUSED_BIND = Pattern.compile("(?i)invalid[ _](password|login)");

    @Test
    void neitherTheRightNorAWrongSmscPasswordIsEverLogged() throws Exception {
        Path data = Path.of("target", "it-sites", "smsc-password-" + ProcessHandle.current().pid()).toAbsolutePath();
        LinkPki pki = LinkPki.localInstallation(data.resolve("tls"), List.of("alpha"));
        int smppPort = FreePorts.next();
        int cimd2Port = FreePorts.next();
        List<RoleProcess> edges = new ArrayList<>();
        try (RoleProcess emulator = SiteJvm.start(Role.SMSC_EMULATOR, FreePorts.next(), List.of(
                "--sluice.data-dir=" + data, "--sluice.emulator.smpp-port=" + smppPort,
                "--sluice.emulator.cimd2-port=" + cimd2Port, "--sluice.emulator.accounts.sluice=" + PASSWORD),
                data.resolve("logs/smsc-emulator.log"))) {
            // all five start at once: an edge that comes up before the emulator dials again (reconnect-delay)
            try {
                RoleProcess smpp = edge("smpp", smppPort, PASSWORD, data, pki, edges);
                RoleProcess smppRefused = edge("smpp", smppPort, WRONG_PASSWORD, data, pki, edges);
                RoleProcess cimd2 = edge("cimd2", cimd2Port, PASSWORD, data, pki, edges);
                RoleProcess cimd2Refused = edge("cimd2", cimd2Port, WRONG_PASSWORD, data, pki, edges);

                emulator.awaitReady(SluiceSites.STARTUP);
                smpp.awaitReady(SluiceSites.STARTUP); // ready = bound (ADR 0010)
                cimd2.awaitReady(SluiceSites.STARTUP);
                for (RoleProcess refused : List.of(smppRefused, cimd2Refused)) {
                    await().atMost(SluiceSites.STARTUP).pollInterval(Duration.ofMillis(500))
                            .until(() -> REFUSED_BIND.matcher(Files.readString(refused.log())).results().count() >= 2);
                }
            } finally {
                // Shut-down lines count too; the SMSC is still there meanwhile. The SMPP edge whose bind is
                // refused keeps camel-smpp reconnecting while Camel shuts down; Camel now gives up after 10 s
                // (camel.main.shutdown-timeout in application-edge.yml) where it waited 45 s and RoleProcess
                // killed the edge at 30 s. All four stop together.
                RoleProcess.closeAll(edges);
            }
        }

        for (RoleProcess edge : edges) {
            String log = Files.readString(edge.log());
            System.out.println(edge.log().getFileName() + ": " + log.lines().count() + " lines, "
                    + REFUSED_BIND.matcher(log).results().count() + " refused binds logged");
            for (String secret : List.of(PASSWORD, WRONG_PASSWORD)) {
                String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.US_ASCII));
                assertThat(log).as("%s mentions the password", edge.log())
                        .doesNotContain(secret)
                        .doesNotContainIgnoringCase(hex)
                        .doesNotContainIgnoringCase(spaced(hex));
            }
        }
    }

    private static RoleProcess edge(String protocol, int port, String password, Path data, LinkPki pki,
            List<RoleProcess> edges) throws IOException {
        String name = "edge-" + protocol + (PASSWORD.equals(password) ? "" : "-refused");
        // the credentials as an installation keeps them: a file per key (configtree), none on the command line
        Path secrets = Files.createDirectories(data.resolve("secrets").resolve(name));
        Files.writeString(secrets.resolve("sluice.edge.smsc.password"), password);
        Files.writeString(secrets.resolve("sluice.edge.core-password"), "edge-pw-" + name);
        Files.createDirectories(secrets.resolve("sluice.management.users.ops"));
        Files.writeString(secrets.resolve("sluice.management.users.ops/password"), "ops-password-" + name);
        Files.writeString(secrets.resolve("sluice.management.users.ops/role"), "operator");
        RoleProcess edge = SiteJvm.start(Role.EDGE, FreePorts.next(), List.of(
                "--sluice.data-dir=" + data,
                "--sluice.site-data-dir=" + data.resolve(name),
                "--spring.config.import=file:" + pki.edgeSettings("alpha") + ",configtree:" + secrets + "/",
                "--sluice.edge.core-uri=tcp://127.0.0.1:" + FreePorts.next(), // no core: the edge keeps dialling
                "--sluice.edge.smsc.host=127.0.0.1",
                "--sluice.edge.smsc.protocol=" + protocol,
                "--sluice.edge.smsc.port=" + port,
                "--sluice.edge.smsc.reconnect-delay=500ms",
                "--logging.level.io.sluice=DEBUG",
                "--logging.level.org.jsmpp=DEBUG",
                "--logging.level.org.apache.camel.component.smpp=DEBUG",
                "--logging.level.org.apache.camel.component.netty=DEBUG",
                "--logging.level.io.netty=DEBUG"),
                data.resolve("logs").resolve(name + ".log"));
        edges.add(edge);
        return edge;
    }

    /** Hex as dumps print it, a space between bytes: {@code 51 7a 37 ...}. */
    private static String spaced(String hex) {
        return String.join(" ", hex.toLowerCase(Locale.ROOT).split("(?<=\\G..)"));
    }
}
