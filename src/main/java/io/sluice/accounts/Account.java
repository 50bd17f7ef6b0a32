package io.sluice.accounts;

import java.time.Instant;

/**
 * An IM account as the accounts store keeps it (ADR 0005); never carries the password hash.
 *
 * @param login       the user name ({@link io.sluice.core.UserName#PATTERN}); the STOMP login and the
 *                    inbox {@code sluice.inbox.<login>}
 * @param displayName optional, for people; null when not set
 * @param phone       the account's own handset in E.164, or null
 * @param enabled     a disabled account cannot log in; its inbox is kept
 * @param createdAt   when the account was created
 */
public record Account(String login, String displayName, String phone, boolean enabled, Instant createdAt) {
}
