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
        return String.format("0000%02d%02d%02d%02d000R", cut.toDays(), cut.toHoursPart(), cut.toMinutesPart(),
                cut.toSecondsPart());
    }
}
