package io.sluice.testsupport;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import io.sluice.accounts.Buddies;
import io.sluice.accounts.UserDirectory;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Real buddy lists on an H2 database of their own (in memory), migrated by the real Flyway scripts. */
public final class TestBuddies {

    private TestBuddies() {
    }

    public static Buddies on(UserDirectory users) {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:buddies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).load().migrate();
        return new Buddies(h2, users, Clock.systemUTC());
    }
}
