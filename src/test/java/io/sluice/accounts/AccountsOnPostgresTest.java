package io.sluice.accounts;

import javax.sql.DataSource;

import io.sluice.testsupport.TestPostgres;

/**
 * The accounts contract on a real PostgreSQL server, named by {@code SLUICE_TEST_PG_URL},
 * {@code SLUICE_TEST_PG_USER} and {@code SLUICE_TEST_PG_PASSWORD} ({@code .ci/run} starts one and sets
 * them). Without them the tests fail, saying so: PostgreSQL support is claimed, so it is tested.
 */
class AccountsOnPostgresTest extends AccountsContract {

    @Override
    protected DataSource dataSource() {
        return TestPostgres.dataSource();
    }
}
