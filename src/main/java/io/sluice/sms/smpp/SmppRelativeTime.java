package io.sluice.sms.smpp;

import java.time.Duration;

/**
 * SMPP 3.4 §7.1.1 relative time, {@code YYMMDDhhmmss000R}: how long from now, which spares the SMSC
 * and the edge from agreeing on clocks and time zones. Used for submit_sm's validity_period.
 */
public final class SmppRelativeTime {

    /** The format counts days in two digits; longer periods are cut to this. */
    static final Duration LONGEST = Duration.ofDays(99).plusHours(23).plusMinutes(59).plusSeconds(59);

    private SmppRelativeTime() {
    }

    /** The period in whole seconds, rounded down (never longer than asked), at most {@link #LONGEST}. */
    public static String of(Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("a relative time cannot be negative: " + period);
        }
        Duration cut = period.compareTo(LONGEST) > 0 ? LONGEST : period;
        // built by hand, not String.format: once per submit_sm, and the format parser showed in the edge's profile
        StringBuilder time = new StringBuilder(16).append("0000");
        twoDigits(time, cut.toDays());
        twoDigits(time, cut.toHoursPart());
        twoDigits(time, cut.toMinutesPart());
        twoDigits(time, cut.toSecondsPart());
        return time.append("000R").toString();
    }

    private static void twoDigits(StringBuilder into, long value) {
        into.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
