package io.sluice.wan.ctl;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sluice.cli.BaseUrls;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.convert.DurationStyle;

/**
 * The command line of role {@code wan-ctl}. With no change asked for, it only shows the status.
 *
 * @param latency null: unchanged
 * @param jitter null: unchanged
 * @param bandwidthBytesPerSecond null: unchanged; 0 removes the cap
 * @param reset reset every proxied connection
 * @param blackHole null: none; else a black hole that ends by itself after this long
 * @param restore end any black hole now
 */
record WanCtlOptions(URI wanUrl, Duration latency, Duration jitter, Long bandwidthBytesPerSecond, boolean reset,
        Duration blackHole, boolean restore) {

    static final String DEFAULT_WAN_URL = "http://localhost:8095";
    static final String USAGE = "usage: java -jar sluice.jar --sluice.role=wan-ctl [--wan-url=" + DEFAULT_WAN_URL + "]"
            + " [--latency=150ms] [--jitter=10ms] [--bandwidth=100000] [--reset] [--black-hole=10s] [--restore]";

    private static final String WAN_URL = "wan-url";
    private static final String LATENCY = "latency";
    private static final String JITTER = "jitter";
    private static final String BANDWIDTH = "bandwidth";
    private static final String RESET = "reset";
    private static final String BLACK_HOLE = "black-hole";
    private static final String RESTORE = "restore";
    private static final Set<String> OPTIONS = Set.of(WAN_URL, LATENCY, JITTER, BANDWIDTH, RESET, BLACK_HOLE, RESTORE);

    /** Whether anything is to be changed (else the command only shows the status). */
    boolean changesSettings() {
        return latency != null || jitter != null || bandwidthBytesPerSecond != null || restore;
    }

    /**
     * Reads the options; throws {@link IllegalArgumentException} with a message for the user when one
     * is malformed or unknown. Options with a dot are Spring Boot's ({@code --sluice.role},
     * {@code --logging.level.root}) and are left alone.
     */
    static WanCtlOptions from(ApplicationArguments arguments) {
        for (String name : arguments.getOptionNames()) {
            if (!name.contains(".") && !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (!arguments.getNonOptionArgs().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + arguments.getNonOptionArgs().get(0));
        }
        String url = value(arguments, WAN_URL).orElse(DEFAULT_WAN_URL);
        WanCtlOptions options = new WanCtlOptions(BaseUrls.parse("--wan-url", url, DEFAULT_WAN_URL),
                value(arguments, LATENCY).map(text -> duration(LATENCY, text)).orElse(null),
                value(arguments, JITTER).map(text -> duration(JITTER, text)).orElse(null),
                value(arguments, BANDWIDTH).map(WanCtlOptions::bandwidth).orElse(null),
                flag(arguments, RESET),
                value(arguments, BLACK_HOLE).map(text -> duration(BLACK_HOLE, text)).orElse(null),
                flag(arguments, RESTORE));
        if (options.blackHole() != null && options.restore()) {
            throw new IllegalArgumentException("--black-hole and --restore contradict each other");
        }
        if (options.blackHole() != null && options.blackHole().toMillis() < 1) {
            throw new IllegalArgumentException("--black-hole must last at least 1ms, e.g. 10s");
        }
        return options;
    }

    private static Duration duration(String name, String text) {
        Duration duration = null;
        try {
            duration = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a duration such as 150ms or 10s, not '" + text + "'");
        }
        return duration;
    }

    private static Long bandwidth(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("--bandwidth must be bytes per second (0 = unlimited), not '" + text + "'");
    }

    /** A flag may be given bare ({@code --reset}) or as {@code --reset=true}. */
    private static boolean flag(ApplicationArguments arguments, String name) {
        if (!arguments.containsOption(name)) {
            return false;
        }
        return value(arguments, name).map(text -> switch (text.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " takes no value, not '" + text + "'");
        }).orElse(true);
    }

    private static Optional<String> value(ApplicationArguments arguments, String name) {
        List<String> values = arguments.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
