package io.sluice.emulator.smpp;

import io.sluice.sms.smpp.SmppStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Failures a test scripts through message content: a submitted text starting with a keyword makes
 * the emulator answer that submit with an error status, or not at all. Sluice prefixes SMS from IM
 * users with the sender's name ({@code alice: #REJECT}), so the keyword may also follow such a prefix.
 */
public enum ScriptedFailure {
    /** Temporary: the ESME exceeded its rate; it should retry later. */
    THROTTLE("#THROTTLE", SmppStatus.ESME_RTHROTTLED.code()),
    /** Temporary: the SMSC's queue is full. */
    QUEUE_FULL("#QFULL", SmppStatus.ESME_RMSGQFUL.code()),
    /** Permanent: invalid destination address. */
    REJECT("#REJECT", SmppStatus.ESME_RINVDSTADR.code()),
    /** The request is never answered; the ESME's response timer has to fire. */
    NO_RESPONSE("#NORESP", ScriptedFailure.NO_STATUS);

    private static final int NO_STATUS = -1;

    private final String keyword;
    private final int status;

    ScriptedFailure(String keyword, int status) {
        this.keyword = keyword;
        this.status = status;
    }

    public String keyword() {
        return keyword;
    }

    /** The command_status to answer with; only meaningful when {@link #answers()}. */
    public int status() {
        return status;
    }

    public boolean answers() {
        return status != NO_STATUS;
    }

    /** A sender label such as {@code alice: } in front of the text. */
    private static final Pattern SENDER_PREFIX = Pattern.compile("^[^\\s:]{1,32}:\\s+");

    /** The failure a text asks for: its first word, or the first word after a sender label; case ignored. */
    public static Optional<ScriptedFailure> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String start = keywordPart(text);
        return Arrays.stream(values()).filter(failure -> start.startsWith(failure.keyword)).findFirst();
    }

    /** The text from where a keyword may start, upper case: leading blanks and a sender label skipped. */
    static String keywordPart(String text) {
        return SENDER_PREFIX.matcher(text.stripLeading()).replaceFirst("").toUpperCase(Locale.ROOT);
    }
}
