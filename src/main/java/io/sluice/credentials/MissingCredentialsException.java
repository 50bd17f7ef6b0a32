package io.sluice.credentials;

import java.util.List;
import java.util.stream.Collectors;

/** A site refused to start because of its credentials; names every setting, never a value. */
public class MissingCredentialsException extends RuntimeException {

    private final String role;
    private final List<CredentialProblem> problems;

    public MissingCredentialsException(String role, List<CredentialProblem> problems) {
        super("Role " + role + " refuses to start: " + problems.stream().map(CredentialProblem::toString)
                .collect(Collectors.joining("; ")));
        this.role = role;
        this.problems = List.copyOf(problems);
    }

    public String role() {
        return role;
    }

    public List<CredentialProblem> problems() {
        return problems;
    }
}
