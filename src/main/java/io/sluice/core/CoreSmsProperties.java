package io.sluice.core;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the core's SMS towards phones ({@code sluice.core.sms.*}); every key is in the README.
 *
 * @param validity how long after the core accepted it an SMS may still be submitted to the SMSC. Past
 *                 it, wherever the message waits (core queue, ring, edge, SMSC retries), it is failed
 *                 back to its sender with reason {@code EXPIRED}; the submit also tells the SMSC the
 *                 rest of it (ADR 0019)
 */
@Validated
@ConfigurationProperties("sluice.core.sms")
public record CoreSmsProperties(@DefaultValue("24h") @NotNull Duration validity) {
}
