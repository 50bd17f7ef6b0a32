package io.sluice.emulator.web;

import io.sluice.sms.smpp.SmppStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;

/**
 * Body of {@code POST /api/faults/refusal}: for {@code duration} ({@code 60s}, {@code PT1M}) every
 * submit is answered {@code status}, an SMPP command_status by name ({@code ESME_RMSGQFUL}) or number
 * ({@code 0x14}, {@code 20}).
 */
public record RefusalRequest(String status, String duration) {

    /** The command_status, if {@code status} names or numbers one other than ESME_ROK. */
    Optional<Integer> commandStatus() {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        String value = status.strip().toUpperCase(Locale.ROOT);
        try {
            int code = value.startsWith("0X") ? Integer.parseUnsignedInt(value.substring(2), 16)
                    : value.startsWith("ESME_") ? SmppStatus.valueOf(value).code() : Integer.parseInt(value);
            return code == SmppStatus.ESME_ROK.code() ? Optional.empty() : Optional.of(code);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The period, if {@code duration} is a positive one. */
    Optional<Duration> period() {
        if (duration == null || duration.isBlank()) {
            return Optional.empty();
        }
        try {
            Duration period = DurationStyle.detectAndParse(duration.strip());
            return period.isNegative() || period.isZero() ? Optional.empty() : Optional.of(period);
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
