package io.sluice.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sluice.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Every credential setting of a core, an edge and the admin command, checked as the start-up check does. */
class CredentialAuditTest {

    private static final KnownValues KNOWN = KnownValues.load();
    /** A core with credentials of its own. */
    private static final Map<String, Object> OWN_CORE = Map.of(
            "sluice.core.admin-token", "a-token-of-our-own-42",
            "sluice.core.carriers.acme.edge-password", "acme-edge-7f3k",
            "sluice.core.carriers.acme.prefixes[0]", "+4477",
            "sluice.management.users.ops.password", "ops-password-of-ours",
            "sluice.management.users.ops.role", "operator");

    @Test
    void aCoreWithNothingNamesEverySettingItLacks() throws IOException {
        assertThat(settings(Role.CORE, Map.of())).containsExactly(
                "sluice.core.admin-token: not set",
                "sluice.core.carriers: no carrier; each needs its prefixes and an edge-password",
                "sluice.management.users: no login for Hawtio and Jolokia; give at least one, "
                        + "e.g. sluice.management.users.<name>.password and .role (operator or admin)");
    }

    @Test
    void aCoreWithItsOwnCredentialsStarts() throws IOException {
        assertThat(settings(Role.CORE, OWN_CORE)).isEmpty();
    }

    /** The demo's file, used outside the demo: every credential in it is refused, by name. */
    @Test
    void theDemosCredentialsAreRefusedOutsideTheDemo() throws IOException {
        Map<String, Object> demo = new HashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader()
                .load("demo", new ClassPathResource(KnownValues.DEMO_FILE))) {
            for (String key : ((MapPropertySource) source).getPropertyNames()) {
                demo.put(key, source.getProperty(key).toString());
            }
        }
        String known = ": a value everybody knows (the demo's, a placeholder or a usual guess); set your own";

        assertThat(settings(Role.CORE, demo)).containsExactlyInAnyOrder(
                "sluice.core.admin-token" + known,
                "sluice.core.carriers.alpha.edge-password" + known,
                "sluice.core.users.alice.password" + known,
                "sluice.core.users.bob.password" + known,
                "sluice.core.users.carol.password" + known,
                "sluice.management.users.operator.password" + known,
                "sluice.management.users.admin.password" + known);
        assertThat(settings(Role.EDGE, demo)).containsExactlyInAnyOrder(
                "sluice.edge.core-password" + known,
                "sluice.edge.smsc.password" + known,
                "sluice.management.users.operator.password" + known,
                "sluice.management.users.admin.password" + known);
    }

    @Test
    void theKubernetesPlaceholdersAreRefused() throws IOException {
        Map<String, Object> placeholders = new HashMap<>(OWN_CORE);
        placeholders.put("sluice.core.admin-token", "REPLACE-ME-admin-token-at-least-16-chars");
        placeholders.put("sluice.link.tls.key-store-password", "REPLACE-ME-link-store-password");

        assertThat(settings(Role.CORE, placeholders)).hasSize(2)
                .allMatch(problem -> problem.endsWith("a value everybody knows (the demo's, a placeholder or a usual guess); set your own"));
        assertThat(settings(Role.EDGE, Map.of("sluice.edge.core-password", "edge-pw-of-ours",
                "sluice.edge.smsc.password", "CHANGEME", "sluice.management.users.ops.password", "ops-password-of-ours",
                "sluice.management.users.ops.role", "admin")))
                .containsExactly("sluice.edge.smsc.password: a value everybody knows (the demo's, a placeholder or a usual guess); set your own");
    }

    @Test
    void managementPasswordsAreLongOrHashed() throws IOException {
        Map<String, Object> core = new HashMap<>(OWN_CORE);
        core.put("sluice.management.users.ops.password", "short-pw");
        core.put("sluice.management.users.boss.password", new BCryptPasswordEncoder().encode("x"));
        core.put("sluice.management.users.boss.role", "admin");

        assertThat(settings(Role.CORE, core)).containsExactly(
                "sluice.management.users.ops.password: shorter than 12 characters (or give a {bcrypt} hash)");
    }

    @Test
    void aDatabaseServerNeedsAPasswordAnEmbeddedFileDoesNot() throws IOException {
        Map<String, Object> core = new HashMap<>(OWN_CORE);
        core.put("spring.datasource.url", "jdbc:h2:file:./data/accounts");
        assertThat(settings(Role.CORE, core)).isEmpty();

        core.put("spring.datasource.url", "jdbc:postgresql://db:5432/sluice");
        assertThat(settings(Role.CORE, core)).containsExactly("spring.datasource.password: not set");
    }

    @Test
    void aStandbyPairNeedsItsMirrorPassword() throws IOException {
        Map<String, Object> core = new HashMap<>(OWN_CORE);
        core.put("sluice.core.standby.uri", "tcp://standby:5675");
        assertThat(settings(Role.CORE, core)).containsExactly("sluice.core.standby.mirror-password: not set");

        core.put("sluice.core.standby.mirror-password", "change-me"); // the README's example once
        assertThat(settings(Role.CORE, core)).hasSize(1).allMatch(p -> p.contains("everybody knows"));
    }

    @Test
    void seedAccountsAreCheckedOnlyWhenTheyAreCreated() throws IOException {
        Map<String, Object> core = new HashMap<>(OWN_CORE);
        core.put("sluice.core.users.alice.password", "alice-pw");
        assertThat(settings(Role.CORE, core)).isEmpty();

        core.put("sluice.core.seed-users", "true");
        assertThat(settings(Role.CORE, core)).hasSize(1).allMatch(p -> p.startsWith("sluice.core.users.alice.password"));
    }

    @Test
    void theAdminCommandNeedsAToken() throws IOException {
        assertThat(settings(Role.ADMIN, Map.of())).containsExactly("sluice.core.admin-token: not set");
        assertThat(settings(Role.SMSC_EMULATOR, Map.of())).isEmpty();
    }

    /** Credentials from files, one per key, as {@code spring.config.import=configtree:<folder>/} reads them. */
    @Test
    void credentialsCanComeFromFiles(@TempDir Path secrets) throws IOException {
        Files.writeString(secrets.resolve("sluice.edge.core-password"), "edge-pw-from-a-file\n");
        Files.writeString(secrets.resolve("sluice.edge.smsc.password"), "smsc-7pw\n");
        Files.createDirectories(secrets.resolve("sluice.management.users.ops"));
        Files.writeString(secrets.resolve("sluice.management.users.ops/password"), "ops-password-from-a-file");
        Files.writeString(secrets.resolve("sluice.management.users.ops/role"), "operator");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ConfigTreePropertySource("secrets", secrets,
                ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));

        assertThat(CredentialAudit.of(Role.EDGE, Binder.get(environment), KNOWN)).isEmpty();
        assertThat(CredentialAudit.of(Role.CORE, Binder.get(environment), KNOWN)).isNotEmpty();
    }

    private static List<String> settings(Role role, Map<String, Object> values) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        ConfigurationPropertySources.attach(environment);
        return CredentialAudit.of(role, Binder.get(environment), KNOWN).stream().map(CredentialProblem::toString).toList();
    }
}
