package io.sluice.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.sluice.core.PhoneNumber;
import io.sluice.core.UserName;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The IM accounts of the core (ADR 0005): creating, listing, enabling and disabling them, linking
 * their handsets, and checking passwords. Formats are checked here, so every writer (admin API, seeds)
 * obeys the same rules; refusals are {@link AccountException}s naming an {@link AccountProblem}.
 * Creating and disabling are announced as {@link AccountEvent}s for the broker to act on.
 */
public final class Accounts implements UserDirectory {

    /** Short enough for the demo's {@code bob-pw}; a deployment's own policy may ask for more. */
    public static final int MIN_PASSWORD_CHARS = 6;
    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /**
     * Login prefixes of the core broker's other principals (edges {@code edge-<carrier>}, the core's own
     * {@code sluice-system}): an account named so would be confused with them.
     */
    public static final List<String> RESERVED_PREFIXES = List.of("edge-", "sluice-");
    /** Most logins {@link #exists} remembers. */
    private static final int KNOWN_LOGINS_LIMIT = 100_000;

    private final AccountStore store;
    private final BuddyStore buddies;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    /** Logins known to exist ({@link #exists}). */
    private final Set<String> knownLogins = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    /** Checked against when the login is unknown, so that an unknown login costs as long as a wrong password. */
    private final String decoyHash;

    public Accounts(DataSource dataSource, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.store = new AccountStore(dataSource);
        this.buddies = new BuddyStore(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public Account create(NewAccount request) {
        Account account = insert(request);
        events.publishEvent(new AccountEvent.Created(account));
        return account;
    }

    /**
     * Creates the accounts that do not exist yet, leaving existing ones (and their passwords) alone.
     * Announces nothing: seeding runs before the broker, which makes inboxes for every stored account
     * when it starts.
     *
     * @return the logins created
     */
    public List<String> seed(List<NewAccount> seeds) {
        List<String> created = new ArrayList<>();
        for (NewAccount seed : seeds) {
            if (store.exists(seed.login())) {
                continue;
            }
            try {
                created.add(insert(seed).login());
            } catch (AccountException e) {
                if (e.problem() != AccountProblem.DUPLICATE_LOGIN) { // another core seeded it meanwhile
                    throw new AccountException(e.problem(), "Seed account " + seed.login() + ": " + e.getMessage());
                }
            }
        }
        return created;
    }

    public List<Account> list() {
        return store.list();
    }

    public List<String> logins() {
        return store.logins();
    }

    public Optional<Account> find(String login) {
        return store.find(login);
    }

    /** The account, or an {@link AccountProblem#UNKNOWN_USER} refusal. */
    public Account get(String login) {
        return store.find(login).orElseThrow(() -> unknownUser(login));
    }

    public Account disable(String login) {
        Account account = setEnabled(login, false);
        events.publishEvent(new AccountEvent.Disabled(login));
        return account;
    }

    public Account enable(String login) {
        return setEnabled(login, true);
    }

    /**
     * Makes {@code phone} this account's handset (replacing any other). The number's buddy-list
     * entries as a phone-only user move to the account in the same transaction.
     */
    public Account linkPhone(String login, String phone) {
        if (!PhoneNumber.isValid(phone)) {
            throw new AccountException(AccountProblem.INVALID_NUMBER,
                    "'" + phone + "' is not an E.164 number such as +447700900123");
        }
        Optional<String> holder = store.loginOfPhone(phone);
        if (holder.isPresent() && !holder.get().equals(login)) {
            throw numberTaken(phone, holder.get());
        }
        try {
            transaction.executeWithoutResult(status -> {
                if (!store.setPhone(login, phone)) {
                    throw unknownUser(login);
                }
                buddies.moveParty(phone, login);
            });
        } catch (DuplicateKeyException linkedMeanwhile) {
            throw numberTaken(phone, store.loginOfPhone(phone).orElse("another account"));
        }
        return get(login);
    }

    /** The account has no handset any more; its buddy list stays with the account. */
    public Account unlinkPhone(String login) {
        if (!store.setPhone(login, null)) {
            throw unknownUser(login);
        }
        return get(login);
    }

    /**
     * Whether this login may open a broker connection with this password: the account exists, is
     * enabled, and the password matches its hash (BCrypt compares in constant time).
     */
    public boolean authenticates(String login, String password) {
        if (password == null) {
            return false;
        }
        Optional<AccountStore.Credentials> credentials = store.credentials(login);
        if (credentials.isEmpty()) {
            passwords.matches(password, decoyHash);
            return false;
        }
        return passwords.matches(password, credentials.get().passwordHash()) && credentials.get().enabled();
    }

    /**
     * Accounts are never deleted, only disabled, so once a login exists it always will: the dispatcher
     * asks for every message, and a known login needs no query. Unknown ones are asked every time (an
     * account may be created any moment). Bounded: past the limit the set starts again.
     */
    @Override
    public boolean exists(String login) {
        if (login == null) {
            return false;
        }
        if (knownLogins.contains(login)) {
            return true;
        }
        boolean exists = store.exists(login);
        if (exists) {
            if (knownLogins.size() >= KNOWN_LOGINS_LIMIT) {
                knownLogins.clear();
            }
            knownLogins.add(login);
        }
        return exists;
    }

    @Override
    public Optional<String> loginOfPhone(String phone) {
        return phone == null ? Optional.empty() : store.loginOfPhone(phone);
    }

    private Account insert(NewAccount request) {
        check(request);
        Account account = new Account(request.login(), request.displayName(), request.phone(), true, clock.instant());
        String hash = passwords.encode(request.password());
        try {
            transaction.executeWithoutResult(status -> {
                store.insert(account, hash);
                if (account.phone() != null) {
                    buddies.moveParty(account.phone(), account.login()); // the number's list becomes the account's
                }
            });
        } catch (DuplicateKeyException e) {
            if (store.exists(request.login())) {
                throw new AccountException(AccountProblem.DUPLICATE_LOGIN,
                        "An account called '" + request.login() + "' exists already.");
            }
            throw numberTaken(request.phone(), store.loginOfPhone(request.phone()).orElse("another account"));
        }
        return store.find(account.login()).orElseThrow();
    }

    private static void check(NewAccount request) {
        if (!UserName.isValid(request.login())) {
            throw new AccountException(AccountProblem.INVALID_LOGIN, "'" + request.login() + "' is not a valid login:"
                    + " a lower-case letter, then up to 31 of a-z, 0-9, '.', '_', '-'.");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (request.login().startsWith(prefix)) {
                throw new AccountException(AccountProblem.INVALID_LOGIN,
                        "Logins starting with '" + prefix + "' are reserved for the broker's own connections.");
            }
        }
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD_CHARS
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException(AccountProblem.INVALID_PASSWORD, "The password must have at least "
                    + MIN_PASSWORD_CHARS + " characters and at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8.");
        }
        if (request.phone() != null && !PhoneNumber.isValid(request.phone())) {
            throw new AccountException(AccountProblem.INVALID_NUMBER,
                    "'" + request.phone() + "' is not an E.164 number such as +447700900123");
        }
    }

    private Account setEnabled(String login, boolean enabled) {
        if (!store.setEnabled(login, enabled)) {
            throw unknownUser(login);
        }
        return get(login);
    }

    static AccountException unknownUser(String login) {
        return new AccountException(AccountProblem.UNKNOWN_USER, "No account is called '" + login + "'.");
    }

    private static AccountException numberTaken(String phone, String holder) {
        return new AccountException(AccountProblem.NUMBER_ALREADY_LINKED,
                phone + " is already the handset of " + holder + ".");
    }
}
