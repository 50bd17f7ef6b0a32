package io.sluice.emulator.smpp;

import java.util.Arrays;
import java.util.Optional;

/**
 * An SMSC misbehaving on the wire, scripted through message content like {@link ScriptedFailure}: a
 * submitted text starting with one of these keywords makes the emulator lose, delay or garble its
 * answer, or send the delivery receipt ahead of it. The faults that break an answer hit only the
 * <em>first</em> submit of a text ({@link SmscFaults#firstAttempt}), so the ESME's retry goes through
 * and a test can count what arrived.
 */
public enum WireFault {
    /** Stored and delivered, but the submit_sm_resp is lost: the ESME's retry makes a second copy. */
    LOST_RESPONSE("#LOSTRESP", true),
    /** Stored and delivered, answered {@code late-response-delay} later, after the ESME gave up. */
    LATE_RESPONSE("#LATERESP", true),
    /** Not stored; answered generic_nack with ESME_RSYSERR (SMPP 3.4 §4.3). */
    GENERIC_NACK("#NACK", false),
    /** Not stored; instead of the answer a PDU whose command_id SMPP 3.4 does not know. */
    UNKNOWN_COMMAND("#BADCMD", false),
    /** Not stored; instead of the answer a command_length below the 16-octet header. */
    SHORT_LENGTH("#BADLEN", false),
    /** Not stored; instead of the answer a header announcing a PDU of almost 2 GB that never comes. */
    HUGE_LENGTH("#HUGELEN", false),
    /** Not stored; a submit_sm_resp cut short: its message_id has no terminating NUL. */
    TRUNCATED("#TRUNC", false),
    /** Not stored; instead of the answer a line of text, which is no SMPP at all. */
    GARBAGE("#GARBAGE", false),
    /** Every time: stored, and its delivery receipt goes out before the submit_sm_resp. */
    EARLY_RECEIPT("#EARLYDLR", true);

    private final String keyword;
    private final boolean stores;

    WireFault(String keyword, boolean stores) {
        this.keyword = keyword;
        this.stores = stores;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether the SMSC keeps the message (a handset gets it) despite the fault. */
    public boolean stores() {
        return stores;
    }

    /** Whether only the first submit of the text meets the fault. */
    public boolean firstAttemptOnly() {
        return this != EARLY_RECEIPT;
    }

    /** The fault a text asks for, after the same leading blanks and sender label as {@link ScriptedFailure}. */
    public static Optional<WireFault> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String start = ScriptedFailure.keywordPart(text);
        return Arrays.stream(values()).filter(fault -> start.startsWith(fault.keyword)).findFirst();
    }
}
