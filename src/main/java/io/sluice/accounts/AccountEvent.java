package io.sluice.accounts;

/**
 * What {@link Accounts} announces (as Spring application events, synchronously: when the admin call
 * returns, the broker has acted on it).
 */
public sealed interface AccountEvent {

    String login();

    /** A new account: it needs its inbox. */
    record Created(Account account) implements AccountEvent {
        @Override
        public String login() {
            return account.login();
        }
    }

    /** The account may no longer log in: its open connections must go. */
    record Disabled(String login) implements AccountEvent {
    }
}
