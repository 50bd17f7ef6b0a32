package io.sluice.im;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What an IM user may send ({@code sluice.core.limits.*}, issue 7): a rate per user, and phone number
 * prefixes nobody may text from here (premium-rate and special-service ranges, which cost the
 * operator money and are a favourite of fraud).
 *
 * @param messagesPerSecond sustained chat messages per second per user; 0 switches the limit off
 * @param burst             messages a user may send at once before the rate applies
 * @param blockedPrefixes   E.164 prefixes refused with BLOCKED_NUMBER
 */
@Validated
@ConfigurationProperties("sluice.core.limits")
public record SendLimits(
        @DefaultValue("10") @Min(0) double messagesPerSecond,
        @DefaultValue("600") @Min(1) int burst,
        @DefaultValue({"+449", "+4487", "+1900", "+1976"}) List<@Pattern(regexp = "\\+[0-9]+") String> blockedPrefixes) {

    public SenderRateLimit rateLimit() {
        return messagesPerSecond <= 0 ? SenderRateLimit.NONE : new SenderRateLimit(messagesPerSecond, burst, System::nanoTime);
    }
}
