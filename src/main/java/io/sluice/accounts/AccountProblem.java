package io.sluice.accounts;

/**
 * Why the accounts store refused a change. Each has a stable code, used as the {@code error} of the
 * admin API and printed by the {@code admin} command line.
 */
public enum AccountProblem {
    /** The login does not match {@link io.sluice.core.UserName#PATTERN}. */
    INVALID_LOGIN("login_invalid", Kind.INVALID),
    /** The password is shorter than {@link Accounts#MIN_PASSWORD_CHARS} or longer than BCrypt's 72 bytes. */
    INVALID_PASSWORD("password_invalid", Kind.INVALID),
    /** The phone is not E.164 ({@link io.sluice.core.PhoneNumber#PATTERN}). */
    INVALID_NUMBER("phone_invalid", Kind.INVALID),
    /** A buddy list entry names neither a login nor an E.164 number, or names its owner. */
    INVALID_BUDDY("buddy_invalid", Kind.INVALID),
    /** An account with this login exists already. */
    DUPLICATE_LOGIN("login_taken", Kind.CONFLICT),
    /** The number is another account's handset already. */
    NUMBER_ALREADY_LINKED("phone_taken", Kind.CONFLICT),
    /** No account has this login. */
    UNKNOWN_USER("user_unknown", Kind.NOT_FOUND);

    /** How a client should read the refusal (the admin API maps it to 400, 409 and 404). */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final String code;
    private final Kind kind;

    AccountProblem(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
