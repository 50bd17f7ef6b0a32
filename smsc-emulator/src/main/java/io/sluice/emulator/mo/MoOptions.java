package io.sluice.emulator.mo;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;

/**
 * The command line of role {@code mo}:
 * {@code --from=+447700900123 --text="hello" [--to=7777] [--shuffle] [--emulator-url=http://localhost:8090]}.
 *
 * @param to null when not given: the emulator then uses its service number
 * @param shuffle send the parts of a long text in a random order
 */
record MoOptions(String from, String to, String text, URI emulatorUrl, boolean shuffle) {

    static final String DEFAULT_EMULATOR_URL = "http://localhost:8090";
    static final String USAGE = "usage: java -jar sluice.jar --sluice.role=mo --from=+447700900123 --text=\"hello\""
            + " [--to=7777] [--shuffle] [--emulator-url=" + DEFAULT_EMULATOR_URL + "]";

    /** Reads the options; a missing --from or --text is left null for the emulator's checks to name. */
    static MoOptions from(ApplicationArguments arguments) {
        String url = option(arguments, "emulator-url").orElse(DEFAULT_EMULATOR_URL);
        return new MoOptions(option(arguments, "from").orElse(null), option(arguments, "to").orElse(null),
                option(arguments, "text").orElse(null), URI.create(url.endsWith("/") ? url : url + "/"),
                arguments.containsOption("shuffle") && !"false".equals(option(arguments, "shuffle").orElse("true")));
    }

    private static Optional<String> option(ApplicationArguments arguments, String name) {
        List<String> values = arguments.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
