package io.sluice.testsupport;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL server tests run against, from the environment. Its database is the tests' own: they
 * drop and re-create every object in it.
 */
public final class TestPostgres {

    public static final String URL = "SLUICE_TEST_PG_URL";
    public static final String USER = "SLUICE_TEST_PG_USER";
    public static final String PASSWORD = "SLUICE_TEST_PG_PASSWORD";

    private TestPostgres() {
    }

    /** Fails (never skips) when the server is not configured, naming what to set. */
    public static DataSource dataSource() {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(URL + " is not set. These tests need a PostgreSQL database they may wipe:"
                    + " set " + URL + " (e.g. jdbc:postgresql://localhost:5432/sluice_test), " + USER + " and "
                    + PASSWORD + "; as root, `. .ci/test-postgres` installs and starts one and sets them.");
        }
        return new DriverManagerDataSource(url, System.getenv().getOrDefault(USER, ""),
                System.getenv().getOrDefault(PASSWORD, ""));
    }
}
