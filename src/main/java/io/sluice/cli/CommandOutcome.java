package io.sluice.cli;

/**
 * What a command-line role ({@code mo}, {@code wan-ctl}, {@code admin}) prints, and the code its process
 * ends with. The codes are the same for every such role, so scripts can tell a refusal from an outage.
 */
public record CommandOutcome(int exitCode, String message) {

    /** Done; the result is printed on standard output. */
    public static final int EXIT_OK = 0;
    /** The command line is malformed; nothing was sent. */
    public static final int EXIT_USAGE = 2;
    /** The service refused the request (the reason is printed). */
    public static final int EXIT_REJECTED = 3;
    /** No service answered, or it answered something unexpected. */
    public static final int EXIT_UNREACHABLE = 4;

    public static CommandOutcome done(String message) {
        return new CommandOutcome(EXIT_OK, message);
    }

    /** A malformed command line: what is wrong, then how it should look. */
    public static CommandOutcome usage(String problem, String usage) {
        return new CommandOutcome(EXIT_USAGE, problem + System.lineSeparator() + usage);
    }

    public boolean ok() {
        return exitCode == EXIT_OK;
    }
}
