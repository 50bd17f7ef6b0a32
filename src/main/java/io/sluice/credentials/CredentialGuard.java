package io.sluice.credentials;

import java.util.Arrays;
import java.util.List;

import io.sluice.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a core, an edge or the admin command without its credentials, or with values everybody
 * knows, before anything opens a port (ADR 0017). Runs once the configuration is read (command line,
 * environment, {@code configtree:} files, the role's yml) and names every setting that is wrong at once.
 * Sites started with the profile {@value DemoCredentials#PROFILE} (the demo, the tests) are let through.
 */
public class CredentialGuard implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String roleName = environment.getProperty("sluice.role");
        if (roleName == null || Arrays.asList(environment.getActiveProfiles()).contains(DemoCredentials.PROFILE)) {
            return;
        }
        Role role;
        try {
            role = Role.of(roleName);
        } catch (IllegalArgumentException unknown) {
            return; // SluiceApplication says so itself
        }
        List<CredentialProblem> problems = CredentialAudit.of(role, Binder.get(environment), KnownValues.load());
        if (!problems.isEmpty()) {
            throw new MissingCredentialsException(role.profile(), problems);
        }
    }

    /** After Spring Boot has read every configuration source. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
