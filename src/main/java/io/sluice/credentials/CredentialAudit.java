package io.sluice.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.Causes;
import io.sluice.Role;
import io.sluice.core.CoreProperties;
import io.sluice.management.ManagementProperties;
import io.sluice.management.ManagementSecurity;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Every credential setting of a role, checked before the site starts (ADR 0017): it must be set, and not to
 * a value everybody knows ({@link KnownValues}). The demo's own credentials never reach this check (profile
 * {@value DemoCredentials#PROFILE}).
 */
public final class CredentialAudit {

    /** Shortest password of a management login given in clear, as for the {@code pki} role's. */
    public static final int MIN_MANAGEMENT_PASSWORD_CHARS = 12;

    private final Binder settings;
    private final KnownValues known;
    private final List<CredentialProblem> problems = new ArrayList<>();

    private CredentialAudit(Binder settings, KnownValues known) {
        this.settings = settings;
        this.known = known;
    }

    /** What stops this role from starting; empty when every credential it needs is set and nobody else's. */
    public static List<CredentialProblem> of(Role role, Binder settings, KnownValues known) {
        CredentialAudit audit = new CredentialAudit(settings, known);
        switch (role) {
            case CORE -> audit.core();
            case EDGE -> audit.edge();
            // a client of the admin API: the core decides whether the token is good
            case ADMIN -> audit.present("sluice.core.admin-token");
            default -> {
                // the other roles hold no credential of their own (the emulator's accounts are a test tool's)
            }
        }
        return List.copyOf(audit.problems);
    }

    private void core() {
        secret("sluice.core.admin-token");
        Map<String, CoreProperties.Carrier> carriers =
                map("sluice.core.carriers", Bindable.mapOf(String.class, CoreProperties.Carrier.class));
        if (carriers != null && carriers.isEmpty()) {
            problems.add(new CredentialProblem("sluice.core.carriers", "no carrier; each needs its prefixes and an edge-password"));
        }
        if (carriers != null) {
            carriers.keySet().forEach(name -> secret("sluice.core.carriers." + name + ".edge-password"));
        }
        if (settings.bind("sluice.core.seed-users", Boolean.class).orElse(false)) {
            Map<String, CoreProperties.User> users = map("sluice.core.users", Bindable.mapOf(String.class, CoreProperties.User.class));
            if (users != null) {
                users.keySet().forEach(name -> secret("sluice.core.users." + name + ".password"));
            }
        }
        String database = value("spring.datasource.url");
        if (database != null && !database.startsWith("jdbc:h2:")) {
            secret("spring.datasource.password"); // an embedded H2 file listens nowhere; a server does
        }
        boolean standby = value("sluice.core.standby.uri") != null
                || settings.bind("sluice.core.standby.passive", Boolean.class).orElse(false);
        if (standby) {
            secret("sluice.core.standby.mirror-password");
        } else {
            notKnown("sluice.core.standby.mirror-password");
        }
        linkStores();
        managementLogins();
    }

    private void edge() {
        secret("sluice.edge.core-password");
        secret("sluice.edge.smsc.password");
        linkStores();
        managementLogins();
    }

    /** The link's stores are required by LinkTls itself (ADR 0015); here only their passwords' values. */
    private void linkStores() {
        notKnown("sluice.link.tls.key-store-password");
        notKnown("sluice.link.tls.trust-store-password");
    }

    private void managementLogins() {
        String setting = "sluice.management.users";
        Map<String, ManagementProperties.Login> logins = map(setting, Bindable.mapOf(String.class, ManagementProperties.Login.class));
        if (logins == null) {
            return;
        }
        if (logins.isEmpty()) {
            problems.add(new CredentialProblem(setting, "no login for Hawtio and Jolokia; give at least one, "
                    + "e.g. sluice.management.users.<name>.password and .role (operator or admin)"));
        }
        logins.forEach((name, login) -> {
            String password = setting + "." + name + ".password";
            if (login.role() == null) {
                problems.add(new CredentialProblem(setting + "." + name + ".role", "not set (operator or admin)"));
            }
            if (secret(password) && !ManagementSecurity.isEncoded(login.password())
                    && login.password().length() < MIN_MANAGEMENT_PASSWORD_CHARS) {
                problems.add(new CredentialProblem(password, "shorter than " + MIN_MANAGEMENT_PASSWORD_CHARS
                        + " characters (or give a {bcrypt} hash)"));
            }
        });
    }

    /** Required and not a known value; whether it passed. */
    private boolean secret(String key) {
        return present(key) && notKnown(key);
    }

    private boolean present(String key) {
        if (value(key) == null) {
            problems.add(new CredentialProblem(key, "not set"));
            return false;
        }
        return true;
    }

    private boolean notKnown(String key) {
        String value = value(key);
        if (value != null && known.contains(value)) {
            problems.add(new CredentialProblem(key, "a value everybody knows (the demo's, a placeholder or a usual guess); set your own"));
            return false;
        }
        return true;
    }

    private String value(String key) {
        String value = settings.bind(key, String.class).map(String::trim).orElse("");
        return value.isEmpty() ? null : value;
    }

    /** The map under a key (empty when absent), or null after recording why it cannot be read. */
    private <T> Map<String, T> map(String key, Bindable<Map<String, T>> type) {
        try {
            return settings.bind(key, type).orElse(Map.of());
        } catch (BindException e) {
            problems.add(new CredentialProblem(key, "cannot be read: " + Causes.root(e).getMessage()));
            return null;
        }
    }
}
