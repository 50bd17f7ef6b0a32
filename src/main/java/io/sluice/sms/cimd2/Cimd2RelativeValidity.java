package io.sluice.sms.cimd2;

import java.time.Duration;

/**
 * The relative validity period parameter (050) of a CIMD2 submit, coded as GSM 03.40 §9.2.3.12.1
 * TP-VP: 0–143 are 5-minute steps up to 12 hours, 144–167 half hours up to 24 hours, 168–196 days up
 * to 30 days, 197–255 weeks up to 63 weeks.
 */
public final class Cimd2RelativeValidity {

    private static final long MINUTES_PER_DAY = 24 * 60;

    private Cimd2RelativeValidity() {
    }

    /**
     * The longest coded period not longer than {@code period}; below the shortest one, 5 minutes,
     * the shortest (the SMSC cannot be asked for less).
     */
    public static int of(Duration period) {
        long minutes = period.toMinutes();
        if (minutes >= 5 * 7 * MINUTES_PER_DAY) {
            return (int) Math.min(255, 192 + minutes / (7 * MINUTES_PER_DAY));
        }
        if (minutes >= 2 * MINUTES_PER_DAY) {
            return (int) Math.min(196, 166 + minutes / MINUTES_PER_DAY);
        }
        if (minutes > 12 * 60) {
            return (int) Math.min(167, 143 + (minutes - 12 * 60) / 30);
        }
        return (int) Math.max(0, minutes / 5 - 1);
    }

    /** The period a coded value stands for. */
    public static Duration periodOf(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("TP-VP is one octet: " + value);
        }
        if (value <= 143) {
            return Duration.ofMinutes(5L * (value + 1));
        }
        if (value <= 167) {
            return Duration.ofHours(12).plusMinutes(30L * (value - 143));
        }
        if (value <= 196) {
            return Duration.ofDays(value - 166);
        }
        return Duration.ofDays(7L * (value - 192));
    }
}
