package io.sluice.im;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the users' inboxes ({@code sluice.core.inbox.*}); every key is listed in the README.
 *
 * @param expiry how long a chat message waits for an offline recipient before its sender is told it
 *               failed (reason {@code EXPIRED})
 */
@Validated
@ConfigurationProperties("sluice.core.inbox")
public record InboxProperties(@DefaultValue("7d") @NotNull Duration expiry) {
}
