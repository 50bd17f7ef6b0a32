package io.sluice.broker;

import java.util.Optional;

/** Checks a login and password presented to a site's broker. */
@FunctionalInterface
public interface Authenticator {

    /** The principal for these credentials, or empty when they are wrong or missing. */
    Optional<SitePrincipal> authenticate(String login, String password);
}
