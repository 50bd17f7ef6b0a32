package io.sluice.accounts;

/** A change the accounts store refuses, with the {@link AccountProblem} that names why. */
public class AccountException extends RuntimeException {

    private final AccountProblem problem;

    public AccountException(AccountProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public AccountProblem problem() {
        return problem;
    }
}
