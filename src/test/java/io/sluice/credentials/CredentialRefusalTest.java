package io.sluice.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A core and an edge started as a user would start them, as their own processes, refuse to start without
 * credentials or with the demo's, naming each setting and no value, before they open any port (ADR 0017).
 */
class CredentialRefusalTest {

    private static final Duration EXIT = Duration.ofMinutes(2);
    private final String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    @Test
    void aCoreWithoutCredentialsRefusesToStartAndNamesThem(@TempDir Path data) throws Exception {
        String log = refusal(Role.CORE, data);

        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("sluice.core.admin-token: not set")
                .contains("sluice.core.carriers: no carrier")
                .contains("sluice.management.users: no login for Hawtio and Jolokia")
                .contains("configtree:")
                .doesNotContain("Tomcat started").doesNotContain("AMQ221020"); // no HTTP port, no acceptor
    }

    @Test
    void anEdgeWithTheDemosSmscPasswordRefusesToStart(@TempDir Path data) throws Exception {
        String log = refusal(Role.EDGE, data, "--sluice.edge.smsc.password=secret",
                "--sluice.edge.core-password=edge-pw-of-ours",
                "--sluice.management.users.ops.password=ops-password-of-ours",
                "--sluice.management.users.ops.role=operator");

        assertThat(log).contains("sluice.edge.smsc.password: a value everybody knows")
                .doesNotContain("sluice.edge.core-password").doesNotContain("sluice.management.users")
                .doesNotContain("edge-pw-of-ours").doesNotContain("ops-password-of-ours");
    }

    private String refusal(Role role, Path data, String... arguments) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--sluice.data-dir=" + data, "--server.port=0"));
        all.addAll(List.of(arguments));
        Path log = data.resolve(role.profile() + ".log");
        RoleProcess site = RoleProcess.start(role, 0, all, log, classPath);
        assertThat(site.awaitExit(EXIT)).as("exit code; see %s", log).isNotZero();
        String output = Files.readString(log);
        System.out.println(role.profile() + " refused to start:\n" + output.substring(output.indexOf("Description:")));
        return output;
    }
}
