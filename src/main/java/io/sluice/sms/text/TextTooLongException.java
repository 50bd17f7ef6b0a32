package io.sluice.sms.text;

import java.util.Locale;

/**
 * A text that needs more SMS parts than the configured limit allows. The message is meant for the
 * user, e.g. "Text needs 9 SMS parts (1,350 GSM characters); the limit is 8".
 */
public class TextTooLongException extends RuntimeException {

    private final SmsLength length;
    private final int maxParts;

    public TextTooLongException(SmsLength length, int maxParts) {
        super(String.format(Locale.ROOT, "Text needs %d SMS parts (%,d %s characters); the limit is %d",
                length.parts(), length.unitsUsed(), length.encoding().label(), maxParts));
        this.length = length;
        this.maxParts = maxParts;
    }

    /** Counts of the refused text. */
    public SmsLength length() {
        return length;
    }

    public int maxParts() {
        return maxParts;
    }
}
