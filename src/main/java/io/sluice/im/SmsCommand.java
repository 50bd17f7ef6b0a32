package io.sluice.im;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a phone user's SMS to the service number asks for (README, "SMS from phones"). A keyword is a
 * command only when the text is just the command: {@code WHO}, {@code HELP}, {@code ADD bob},
 * {@code DEL bob} (any case) — so "who is this?" or "add me to the list" are chat text, not commands.
 */
public sealed interface SmsCommand {

    /** {@code @user text}: to that user, who becomes the phone's conversation. */
    record Address(String user, String text) implements SmsCommand {
    }

    /** {@code WHO}: the phone's buddies and their presence. */
    record Who() implements SmsCommand {
    }

    /** {@code ADD party}: put a user (or a number) on the phone's buddy list. */
    record Add(String party) implements SmsCommand {
    }

    /** {@code DEL party}: take them off it. */
    record Del(String party) implements SmsCommand {
    }

    /** {@code HELP} (or {@code ?}): the command summary. */
    record Help() implements SmsCommand {
    }

    /** Anything else: chat text for the phone's current conversation (or the help text if it has none). */
    record Chat(String text) implements SmsCommand {
    }

    Pattern ADDRESSED = Pattern.compile("^@(\\S+)\\s*(.*)$", Pattern.DOTALL);
    Pattern ONE_ARGUMENT = Pattern.compile("^(ADD|DEL)\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);

    static SmsCommand parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher addressed = ADDRESSED.matcher(trimmed);
        if (addressed.matches()) {
            return new Address(addressed.group(1).toLowerCase(Locale.ROOT), addressed.group(2));
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.equals("WHO")) {
            return new Who();
        }
        if (upper.equals("HELP") || upper.equals("?")) {
            return new Help();
        }
        Matcher command = ONE_ARGUMENT.matcher(trimmed);
        if (command.matches()) {
            String party = command.group(2).startsWith("+") ? command.group(2) : command.group(2).toLowerCase(Locale.ROOT);
            return command.group(1).equalsIgnoreCase("ADD") ? new Add(party) : new Del(party);
        }
        return new Chat(trimmed);
    }
}
