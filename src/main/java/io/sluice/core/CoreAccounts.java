package io.sluice.core;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.sluice.accounts.Accounts;
import io.sluice.accounts.Buddies;
import io.sluice.accounts.NewAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The core's accounts store (ADR 0005) on the datasource Spring Boot configures from
 * {@code spring.datasource.*} (H2 under the site's data directory by default), migrated by Flyway before
 * these beans exist. Only the core role has a datasource.
 */
@Configuration(proxyBeanMethods = false)
@Profile("core")
public class CoreAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAccounts.class);

    @Bean
    @DependsOnDatabaseInitialization
    Accounts accounts(DataSource dataSource, ApplicationEventPublisher events, CoreProperties core) {
        // BCrypt's default cost (10): about 0.1 s per check, paid once per connection (Artemis caches it).
        Accounts accounts = new Accounts(dataSource, new BCryptPasswordEncoder(), events, Clock.systemUTC());
        if (core.seedUsers()) {
            List<NewAccount> seeds = core.users().entrySet().stream()
                    .map(user -> new NewAccount(user.getKey(), user.getValue().password(), user.getValue().phone(), null))
                    .toList();
            List<String> created = accounts.seed(seeds);
            if (!created.isEmpty()) {
                LOG.warn("Created seed accounts {} from sluice.core.users; set sluice.core.seed-users=false in a real"
                        + " deployment and manage accounts with the admin API", created);
            }
        }
        return accounts;
    }

    @Bean
    @DependsOnDatabaseInitialization
    Buddies buddies(DataSource dataSource, Accounts accounts) {
        return new Buddies(dataSource, accounts, Clock.systemUTC());
    }
}
