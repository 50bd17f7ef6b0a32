package io.sluice.accounts;

/**
 * What it takes to create an account; checked by {@link Accounts#create(NewAccount)}.
 *
 * @param password    in clear; only its hash is stored
 * @param phone       optional E.164 number of the account's own handset
 * @param displayName optional
 */
public record NewAccount(String login, String password, String phone, String displayName) {

    public NewAccount {
        phone = blankToNull(phone);
        displayName = blankToNull(displayName);
    }

    public static NewAccount of(String login, String password) {
        return new NewAccount(login, password, null, null);
    }

    @Override
    public String toString() {
        return "NewAccount[login=" + login + ", phone=" + phone + "]"; // never the password, not even in logs
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
