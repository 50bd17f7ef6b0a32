package io.sluice.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the accounts store must do on every database it supports. Each subclass runs the whole contract
 * on one database ({@link AccountsOnH2Test}, {@link AccountsOnPostgresTest}), migrated from scratch by
 * the real Flyway scripts before every test.
 */
abstract class AccountsContract {

    /** BCrypt's cheapest cost: the same algorithm and checks, a hundred times faster than production's. */
    private static final BCryptPasswordEncoder FAST_BCRYPT = new BCryptPasswordEncoder(4);
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    protected final List<AccountEvent> events = new CopyOnWriteArrayList<>();
    protected Accounts accounts;
    protected Buddies buddies;
    private JdbcClient jdbc;

    /** The database under test; the same one for every test of the class. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void freshSchema() {
        Flyway flyway = Flyway.configure().dataSource(dataSource()).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        accounts = new Accounts(dataSource(), FAST_BCRYPT, event -> events.add((AccountEvent) event), clock);
        buddies = new Buddies(dataSource(), accounts, clock);
        jdbc = JdbcClient.create(dataSource());
    }

    @Test
    void aCreatedAccountIsListedEnabledWithItsNumberAndAnnounced() {
        Account alice = accounts.create(new NewAccount("alice", "alice-pw", "+447700900001", "Alice A."));

        assertThat(alice).isEqualTo(new Account("alice", "Alice A.", "+447700900001", true, NOW));
        accounts.create(NewAccount.of("bob", "bob-pw"));
        assertThat(accounts.list()).extracting(Account::login).containsExactly("alice", "bob");
        assertThat(accounts.logins()).containsExactly("alice", "bob");
        assertThat(events).containsExactly(new AccountEvent.Created(alice),
                new AccountEvent.Created(accounts.find("bob").orElseThrow()));
    }

    @Test
    void thePasswordIsKeptOnlyAsABcryptHash() {
        accounts.create(NewAccount.of("alice", "alice-pw"));

        String stored = jdbc.sql("SELECT password_hash FROM users WHERE login = 'alice'").query(String.class).single();
        assertThat(stored).startsWith("$2a$").doesNotContain("alice-pw");
    }

    @Test
    void onlyTheRightPasswordOfAnEnabledAccountAuthenticates() {
        accounts.create(NewAccount.of("alice", "alice-pw"));

        assertThat(accounts.authenticates("alice", "alice-pw")).isTrue();
        assertThat(accounts.authenticates("alice", "alice-PW")).isFalse();
        assertThat(accounts.authenticates("alice", null)).isFalse();
        assertThat(accounts.authenticates("mallory", "alice-pw")).isFalse();

        accounts.disable("alice");
        assertThat(accounts.authenticates("alice", "alice-pw")).as("disabled").isFalse();
        accounts.enable("alice");
        assertThat(accounts.authenticates("alice", "alice-pw")).as("enabled again").isTrue();
    }

    @Test
    void disablingIsAnnouncedAndKeepsTheAccount() {
        accounts.create(NewAccount.of("bob", "bob-pw"));
        events.clear();

        Account bob = accounts.disable("bob");

        assertThat(bob.enabled()).isFalse();
        assertThat(accounts.exists("bob")).as("a disabled user still exists (their inbox fills)").isTrue();
        assertThat(events).containsExactly(new AccountEvent.Disabled("bob"));
    }

    @Test
    void aSecondAccountWithTheSameLoginIsRefused() {
        accounts.create(NewAccount.of("alice", "alice-pw"));

        assertProblem(() -> accounts.create(NewAccount.of("alice", "other-pw")), AccountProblem.DUPLICATE_LOGIN);
        assertThat(accounts.authenticates("alice", "alice-pw")).as("the first keeps its password").isTrue();
    }

    @Test
    void malformedLoginsPasswordsAndNumbersAreRefusedAndNothingIsStored() {
        assertProblem(() -> accounts.create(NewAccount.of("Alice", "alice-pw")), AccountProblem.INVALID_LOGIN);
        assertProblem(() -> accounts.create(NewAccount.of("9lives", "alice-pw")), AccountProblem.INVALID_LOGIN);
        assertProblem(() -> accounts.create(NewAccount.of("a".repeat(33), "alice-pw")), AccountProblem.INVALID_LOGIN);
        assertProblem(() -> accounts.create(NewAccount.of("edge-alpha", "alice-pw")), AccountProblem.INVALID_LOGIN);
        assertProblem(() -> accounts.create(NewAccount.of("sluice-system", "alice-pw")), AccountProblem.INVALID_LOGIN);
        assertProblem(() -> accounts.create(NewAccount.of("alice", "short")), AccountProblem.INVALID_PASSWORD);
        assertProblem(() -> accounts.create(NewAccount.of("alice", "é".repeat(37))), AccountProblem.INVALID_PASSWORD);
        assertProblem(() -> accounts.create(new NewAccount("alice", "alice-pw", "07700900001", null)),
                AccountProblem.INVALID_NUMBER);
        assertProblem(() -> accounts.create(new NewAccount("alice", "alice-pw", "+0447700900001", null)),
                AccountProblem.INVALID_NUMBER);

        assertThat(accounts.list()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aNumberIsTheHandsetOfOneAccountAtMost() {
        accounts.create(new NewAccount("alice", "alice-pw", "+447700900001", null));
        accounts.create(NewAccount.of("bob", "bob-pw"));

        assertProblem(() -> accounts.create(new NewAccount("carol", "carol-pw", "+447700900001", null)),
                AccountProblem.NUMBER_ALREADY_LINKED);
        assertProblem(() -> accounts.linkPhone("bob", "+447700900001"), AccountProblem.NUMBER_ALREADY_LINKED);
        assertProblem(() -> accounts.linkPhone("bob", "+44"), AccountProblem.INVALID_NUMBER);

        assertThat(accounts.linkPhone("alice", "+447700900001").phone()).as("relinking one's own").isEqualTo("+447700900001");
        assertThat(accounts.linkPhone("bob", "+447700900002").phone()).isEqualTo("+447700900002");
        assertThat(accounts.loginOfPhone("+447700900002")).contains("bob");
        assertThat(accounts.unlinkPhone("bob").phone()).isNull();
        assertThat(accounts.loginOfPhone("+447700900002")).isEmpty();
        assertThat(accounts.exists("carol")).isFalse();
    }

    @Test
    void aLoginUnknownAMomentAgoExistsOnceCreated() {
        assertThat(accounts.exists("dora")).isFalse();
        accounts.create(new NewAccount("dora", "dora-pw", null, null));
        assertThat(accounts.exists("dora")).as("not remembered as unknown").isTrue();
        assertThat(accounts.exists("dora")).as("remembered as known").isTrue();
    }

    @Test
    void changesToAnUnknownUserAreRefused() {
        assertProblem(() -> accounts.disable("zed"), AccountProblem.UNKNOWN_USER);
        assertProblem(() -> accounts.enable("zed"), AccountProblem.UNKNOWN_USER);
        assertProblem(() -> accounts.linkPhone("zed", "+447700900009"), AccountProblem.UNKNOWN_USER);
        assertProblem(() -> accounts.unlinkPhone("zed"), AccountProblem.UNKNOWN_USER);
        assertThat(accounts.loginOfPhone("+447700900009")).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void seedingCreatesOnlyAbsentAccountsAndAnnouncesNothing() {
        accounts.create(NewAccount.of("alice", "changed-pw"));
        events.clear();

        List<String> created = accounts.seed(List.of(new NewAccount("alice", "alice-pw", "+447700900001", null),
                new NewAccount("bob", "bob-pw", "+447700900002", null), NewAccount.of("carol", "carol-pw")));

        assertThat(created).containsExactly("bob", "carol");
        assertThat(accounts.authenticates("alice", "changed-pw")).as("an existing account is left alone").isTrue();
        assertThat(accounts.loginOfPhone("+447700900002")).contains("bob");
        assertThat(accounts.seed(List.of(NewAccount.of("bob", "bob-pw")))).as("idempotent").isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aBadSeedStopsTheStartWithItsName() {
        assertThatThrownBy(() -> accounts.seed(List.of(NewAccount.of("Bad Name", "secret-pw"))))
                .isInstanceOf(AccountException.class).hasMessageContaining("Seed account Bad Name");
    }

    @Test
    void aBuddyListHoldsEachPairOnce() {
        accounts.create(NewAccount.of("alice", "alice-pw"));
        accounts.create(NewAccount.of("bob", "bob-pw"));

        assertThat(buddies.add("alice", "bob")).isTrue();
        assertThat(buddies.add("alice", "bob")).as("the second time").isFalse();
        assertThat(buddies.add("alice", "+447700900123")).isTrue();
        assertThat(buddies.add("+447700900123", "alice")).isTrue();

        assertThat(buddies.of("alice")).containsExactly("+447700900123", "bob");
        assertThat(buddies.of("+447700900123")).containsExactly("alice");
        assertThat(buddies.watchersOf("alice")).containsExactly("+447700900123");
        assertThat(buddies.remove("alice", "bob")).isTrue();
        assertThat(buddies.remove("alice", "bob")).isFalse();
        assertThat(buddies.of("alice")).containsExactly("+447700900123");
    }

    @Test
    void aBuddyMustBeAUserOrANumberAndNotOneself() {
        accounts.create(new NewAccount("alice", "alice-pw", "+447700900001", null));

        assertProblem(() -> buddies.add("alice", "zed"), AccountProblem.UNKNOWN_USER);
        assertProblem(() -> buddies.add("alice", "Not A User!"), AccountProblem.INVALID_BUDDY);
        assertProblem(() -> buddies.add("alice", "alice"), AccountProblem.INVALID_BUDDY);
        assertProblem(() -> buddies.add("alice", "+447700900001"), AccountProblem.INVALID_BUDDY);
        assertThat(buddies.of("alice")).isEmpty();
    }

    @Test
    void aLinkedNumberIsItsAccountInBuddyLists() {
        accounts.create(new NewAccount("alice", "alice-pw", "+447700900001", null));
        accounts.create(NewAccount.of("bob", "bob-pw"));

        buddies.add("+447700900001", "bob");   // alice's handset texts ADD bob

        assertThat(buddies.of("alice")).containsExactly("bob");
        assertThat(buddies.watchersOf("bob")).containsExactly("alice");
    }

    @Test
    void linkingANumberHandsItsBuddyListToTheAccount() {
        accounts.create(NewAccount.of("alice", "alice-pw"));
        accounts.create(NewAccount.of("bob", "bob-pw"));
        accounts.create(NewAccount.of("carol", "carol-pw"));
        String phone = "+447700900002";
        buddies.add(phone, "alice");      // the phone-only user's own list...
        buddies.add(phone, "carol");
        buddies.add("bob", "carol");      // ...of which bob has carol already
        buddies.add("alice", phone);      // and the lists the number is on
        buddies.add("bob", phone);        // bob's own number: dropped, not bob's own buddy

        accounts.linkPhone("bob", phone);

        assertThat(buddies.of("bob")).containsExactly("alice", "carol");
        assertThat(buddies.of("alice")).containsExactly("bob");
        assertThat(buddies.watchersOf("bob")).containsExactly("alice");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM buddies WHERE owner = :p OR buddy = :p").param("p", phone)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAccountCreatedWithANumberTakesOverThatNumbersBuddyList() {
        accounts.create(NewAccount.of("alice", "alice-pw"));
        buddies.add("+447700900003", "alice");

        accounts.create(new NewAccount("dave", "dave-pw1", "+447700900003", null));

        assertThat(buddies.of("dave")).containsExactly("alice");
        assertThat(buddies.watchersOf("alice")).containsExactly("dave");
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AccountProblem problem) {
        assertThatThrownBy(call).isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).problem()).isEqualTo(problem);
    }
}
