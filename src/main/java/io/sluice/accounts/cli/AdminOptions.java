package io.sluice.accounts.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.sluice.cli.BaseUrls;
import org.springframework.boot.ApplicationArguments;

/**
 * The command line of role {@code admin}: {@code users <action> [arguments]} plus options.
 *
 * @param password for {@code create}: from {@code --password=}, else the first line of standard input
 *                 (keeps it out of the process list)
 */
record AdminOptions(URI coreUrl, String token, Action action, String login, String password, String phone,
        String displayName) {

    /** What to do, and how many arguments follow it. */
    enum Action {
        LIST(0), CREATE(1), DISABLE(1), ENABLE(1), LINK(2), UNLINK(1);

        private final int arguments;

        Action(int arguments) {
            this.arguments = arguments;
        }
    }

    static final String DEFAULT_CORE_URL = "http://localhost:8080";
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar sluice.jar --sluice.role=admin [--core-url=" + DEFAULT_CORE_URL + "]"
                    + " [--sluice.core.admin-token=...] users <action>",
            "  users list",
            "  users create <login> [--password=...] [--phone=+447700900001] [--display-name=...]"
                    + "   (no --password: read from standard input)",
            "  users disable <login>        (closes their connections)",
            "  users enable <login>",
            "  users link <login> <+number> (the number becomes the user's handset)",
            "  users unlink <login>");

    private static final String CORE_URL = "core-url";
    private static final String PASSWORD = "password";
    private static final String PHONE = "phone";
    private static final String DISPLAY_NAME = "display-name";
    private static final Set<String> OPTIONS = Set.of(CORE_URL, PASSWORD, PHONE, DISPLAY_NAME);
    private static final String TOPIC = "users";

    /**
     * Reads the command line; throws {@link IllegalArgumentException} with a message for the user when
     * it is malformed. Options with a dot are Spring Boot's ({@code --sluice.role}) and are left alone.
     *
     * @param token     the admin token ({@code sluice.core.admin-token})
     * @param standardIn read only when {@code create} has no {@code --password}
     */
    static AdminOptions from(ApplicationArguments arguments, String token, Supplier<String> standardIn) {
        for (String name : arguments.getOptionNames()) {
            if (!name.contains(".") && !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        List<String> words = arguments.getNonOptionArgs();
        if (words.size() < 2 || !TOPIC.equals(words.get(0))) {
            throw new IllegalArgumentException(words.isEmpty() ? "what should be done?" : "unknown command " + words);
        }
        Action action = action(words.get(1));
        if (words.size() != 2 + action.arguments) {
            throw new IllegalArgumentException("users " + words.get(1) + " takes " + action.arguments + " argument(s)");
        }
        String login = action.arguments > 0 ? words.get(2) : null;
        String phone = action == Action.LINK ? words.get(3) : value(arguments, PHONE).orElse(null);
        String password = action == Action.CREATE
                ? value(arguments, PASSWORD).orElseGet(standardIn)
                : null;
        return new AdminOptions(BaseUrls.parse("--core-url", value(arguments, CORE_URL).orElse(DEFAULT_CORE_URL), DEFAULT_CORE_URL), token, action, login,
                password, phone, value(arguments, DISPLAY_NAME).orElse(null));
    }

    private static Action action(String word) {
        for (Action action : Action.values()) {
            if (action.name().equalsIgnoreCase(word)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + word + "'");
    }

    private static Optional<String> value(ApplicationArguments arguments, String name) {
        List<String> values = arguments.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    @Override
    public String toString() {
        return "AdminOptions[" + action + " " + login + "]"; // never the token or the password
    }
}
