package io.sluice.cli;

/** Ends a command early with the outcome to print (a refusal, an unreachable service). */
public final class CommandFailure extends RuntimeException {

    private final transient CommandOutcome outcome;

    public CommandFailure(CommandOutcome outcome) {
        super(outcome.message(), null, false, false); // an expected end, not a bug: no stack trace
        this.outcome = outcome;
    }

    public CommandOutcome outcome() {
        return outcome;
    }
}
