package io.sluice.management;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The logins of the management console, Hawtio and Jolokia ({@code sluice.management.*}, ADR 0017). None
 * by default: a core or an edge refuses to start without one ({@code io.sluice.credentials}); on other roles
 * without logins the console is closed to everybody.
 *
 * @param users logins by name; {@code SLUICE_MANAGEMENT_USERS_<NAME>_PASSWORD} and {@code _ROLE} in the
 *              environment, or files through {@code spring.config.import=configtree:<folder>/}
 */
@Validated
@ConfigurationProperties("sluice.management")
public record ManagementProperties(@DefaultValue Map<String, @Valid Login> users) {

    /**
     * One login.
     *
     * @param password in clear (hashed with BCrypt at start-up) or already encoded as Spring Security reads
     *                 it, e.g. {@code {bcrypt}$2a$10$...}
     * @param role     {@code operator} or {@code admin}
     */
    public record Login(@NotBlank String password, @NotNull ManagementRole role) {

        @Override
        public String toString() {
            return "Login[role=" + role + "]"; // never the password, should a login end up in a log line
        }
    }
}
