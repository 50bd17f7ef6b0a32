package io.sluice.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code users} table (schema in {@code db/migration}, ADR 0005). Plain persistence: the rules
 * (formats, hashing, who is told) are {@link Accounts}'. Unique constraints decide races between
 * concurrent writers; callers turn a {@link DuplicateKeyException} into the problem it means.
 */
final class AccountStore {

    private static final String COLUMNS = "login, display_name, phone, enabled, created_at";

    private final JdbcClient jdbc;

    AccountStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(Account account, String passwordHash) {
        jdbc.sql("INSERT INTO users (login, password_hash, display_name, phone, enabled, created_at)"
                        + " VALUES (:login, :hash, :displayName, :phone, :enabled, :createdAt)")
                .param("login", account.login())
                .param("hash", passwordHash)
                .param("displayName", account.displayName())
                .param("phone", account.phone())
                .param("enabled", account.enabled())
                .param("createdAt", OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<Account> find(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE login = :login")
                .param("login", login).query(AccountStore::account).optional();
    }

    List<Account> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY login").query(AccountStore::account).list();
    }

    List<String> logins() {
        return jdbc.sql("SELECT login FROM users ORDER BY login").query(String.class).list();
    }

    boolean exists(String login) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE login = :login")
                .param("login", login).query(Long.class).single() > 0;
    }

    /** The hash and whether the account may log in, for the one query authentication makes. */
    Optional<Credentials> credentials(String login) {
        return jdbc.sql("SELECT password_hash, enabled FROM users WHERE login = :login")
                .param("login", login)
                .query((rs, row) -> new Credentials(rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    Optional<String> loginOfPhone(String phone) {
        return jdbc.sql("SELECT login FROM users WHERE phone = :phone")
                .param("phone", phone).query(String.class).optional();
    }

    /** @return false when no account has this login */
    boolean setEnabled(String login, boolean enabled) {
        return jdbc.sql("UPDATE users SET enabled = :enabled WHERE login = :login")
                .param("enabled", enabled).param("login", login).update() == 1;
    }

    /** @param phone null unlinks; @return false when no account has this login */
    boolean setPhone(String login, String phone) {
        return jdbc.sql("UPDATE users SET phone = :phone WHERE login = :login")
                .param("phone", phone).param("login", login).update() == 1;
    }

    record Credentials(String passwordHash, boolean enabled) {
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new Account(rs.getString("login"), rs.getString("display_name"), rs.getString("phone"),
                rs.getBoolean("enabled"), created);
    }
}
