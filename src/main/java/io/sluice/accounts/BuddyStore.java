package io.sluice.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code buddies} table: pairs of parties (a login or an E.164 number), ADR 0005. */
final class BuddyStore {

    private final JdbcClient jdbc;

    BuddyStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** @return false when the pair was there already */
    boolean add(String owner, String buddy, Instant at) {
        if (contains(owner, buddy)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO buddies (owner, buddy, created_at) VALUES (:owner, :buddy, :at)")
                    .param("owner", owner).param("buddy", buddy)
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException addedMeanwhile) {
            return false;
        }
    }

    boolean contains(String owner, String buddy) {
        return jdbc.sql("SELECT COUNT(*) FROM buddies WHERE owner = :owner AND buddy = :buddy")
                .param("owner", owner).param("buddy", buddy).query(Long.class).single() > 0;
    }

    /** @return false when the pair was not there */
    boolean remove(String owner, String buddy) {
        return jdbc.sql("DELETE FROM buddies WHERE owner = :owner AND buddy = :buddy")
                .param("owner", owner).param("buddy", buddy).update() == 1;
    }

    List<String> buddiesOf(String owner) {
        return jdbc.sql("SELECT buddy FROM buddies WHERE owner = :owner ORDER BY buddy")
                .param("owner", owner).query(String.class).list();
    }

    List<String> watchersOf(String buddy) {
        return jdbc.sql("SELECT owner FROM buddies WHERE buddy = :buddy ORDER BY owner")
                .param("buddy", buddy).query(String.class).list();
    }

    /**
     * Hands every entry of party {@code from} (a number being linked to an account) to {@code to} (that
     * account): its own list and its place in others' lists. Entries {@code to} has already, or that
     * would make {@code to} its own buddy, are dropped. Run inside the transaction that links the number.
     */
    void moveParty(String from, String to) {
        jdbc.sql("UPDATE buddies SET owner = :to WHERE owner = :from AND buddy <> :to"
                        + " AND buddy NOT IN (SELECT b.buddy FROM buddies b WHERE b.owner = :to)")
                .param("from", from).param("to", to).update();
        jdbc.sql("UPDATE buddies SET buddy = :to WHERE buddy = :from AND owner <> :to"
                        + " AND owner NOT IN (SELECT b.owner FROM buddies b WHERE b.buddy = :to)")
                .param("from", from).param("to", to).update();
        jdbc.sql("DELETE FROM buddies WHERE owner = :from OR buddy = :from").param("from", from).update();
    }
}
