package io.sluice.credentials;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refusal for credentials into a short report (no stack trace) that names each setting. */
public class CredentialFailureAnalyzer extends AbstractFailureAnalyzer<MissingCredentialsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCredentialsException cause) {
        String description = "Role " + cause.role() + " has credentials that are missing or that everybody knows:"
                + cause.problems().stream().map(problem -> System.lineSeparator() + "  - " + problem)
                .collect(Collectors.joining());
        String action = "Set each in the environment (sluice.core.admin-token is SLUICE_CORE_ADMINTOKEN) or in files,"
                + " one per key, read with --spring.config.import=configtree:<folder>/ (see README, \"Security\")."
                + " The demo and the tests use --spring.profiles.active=" + DemoCredentials.PROFILE + ".";
        return new FailureAnalysis(description, action, cause);
    }
}
