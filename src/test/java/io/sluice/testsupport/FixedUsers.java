package io.sluice.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sluice.accounts.UserDirectory;

/** A user directory that never changes, for route tests that are about routing rather than accounts. */
public record FixedUsers(Set<String> logins, Map<String, String> loginsByPhone) implements UserDirectory {

    public static FixedUsers of(String... logins) {
        return new FixedUsers(Set.of(logins), Map.of());
    }

    @Override
    public boolean exists(String login) {
        return logins.contains(login);
    }

    @Override
    public Optional<String> loginOfPhone(String phone) {
        return Optional.ofNullable(loginsByPhone.get(phone));
    }
}
