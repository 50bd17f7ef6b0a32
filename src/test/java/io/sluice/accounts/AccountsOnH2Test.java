package io.sluice.accounts;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The accounts contract on H2, the embedded default (in memory here; the core uses H2's file mode). */
class AccountsOnH2Test extends AccountsContract {

    private static final DataSource H2 = new DriverManagerDataSource(
            "jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    protected DataSource dataSource() {
        return H2;
    }
}
