package io.sluice.accounts;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.sluice.core.PhoneNumber;
import io.sluice.core.UserName;
import io.sluice.im.BuddyLists;

/**
 * Buddy lists (storage for issue 4 item 3: {@code ADD}, {@code DEL}, {@code WHO}, presence). Owner and
 * buddy are *parties*: an account's login, or the E.164 number of a phone-only user. A number linked to
 * an account is that account, here as everywhere: it is stored as the login (ADR 0005).
 */
public final class Buddies implements BuddyLists {

    private final BuddyStore store;
    private final UserDirectory users;
    private final Clock clock;

    public Buddies(DataSource dataSource, UserDirectory users, Clock clock) {
        this.store = new BuddyStore(dataSource);
        this.users = users;
        this.clock = clock;
    }

    /**
     * Puts {@code buddy} on {@code owner}'s list.
     *
     * @return false when it was there already
     */
    public boolean add(String owner, String buddy) {
        String from = party(owner);
        String to = party(buddy);
        if (from.equals(to)) {
            throw new AccountException(AccountProblem.INVALID_BUDDY, owner + " cannot be their own buddy.");
        }
        return store.add(from, to, clock.instant());
    }

    /** @return false when {@code buddy} was not on the list */
    public boolean remove(String owner, String buddy) {
        return store.remove(party(owner), party(buddy));
    }

    /** {@code owner}'s buddies (logins and numbers), sorted. */
    @Override
    public List<String> of(String owner) {
        return store.buddiesOf(party(owner));
    }

    /** Whose lists {@code buddy} is on: those to tell when {@code buddy} comes online or goes away. */
    @Override
    public List<String> watchersOf(String buddy) {
        return store.watchersOf(party(buddy));
    }

    /** The stored form of a party: a login of an existing account, or a number not linked to one. */
    private String party(String party) {
        if (PhoneNumber.isValid(party)) {
            return users.loginOfPhone(party).orElse(party);
        }
        if (UserName.isValid(party)) {
            if (!users.exists(party)) {
                throw Accounts.unknownUser(party);
            }
            return party;
        }
        throw new AccountException(AccountProblem.INVALID_BUDDY,
                "'" + party + "' is neither a user name nor an E.164 number.");
    }
}
