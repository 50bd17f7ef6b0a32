package io.sluice.core;

import java.util.Optional;

import io.sluice.accounts.Accounts;
import io.sluice.broker.Authenticator;
import io.sluice.broker.SitePrincipal;
import io.sluice.broker.SystemCredentials;

/**
 * Logins the core broker accepts: its own routes, the enabled IM accounts of the accounts store
 * (password checked against the stored hash), and one edge per carrier (login {@code edge-<carrier>}).
 */
public final class CoreAuthenticator implements Authenticator {

    public static final String EDGE_LOGIN_PREFIX = "edge-";

    private final SystemCredentials system;
    private final CoreProperties properties;
    private final Accounts accounts;

    public CoreAuthenticator(SystemCredentials system, CoreProperties properties, Accounts accounts) {
        this.system = system;
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public Optional<SitePrincipal> authenticate(String login, String password) {
        Optional<SitePrincipal> own = system.authenticate(login, password);
        if (own.isPresent()) {
            return own;
        }
        // Accounts refuses logins with the edges' and the system's prefixes, so no account shadows them.
        if (login.startsWith(EDGE_LOGIN_PREFIX)) {
            String carrier = login.substring(EDGE_LOGIN_PREFIX.length());
            CoreProperties.Carrier configured = properties.carriers().get(carrier);
            return configured != null && SystemCredentials.constantTimeEquals(configured.edgePassword(), password)
                    ? Optional.of(SitePrincipal.edge(login, carrier))
                    : Optional.empty();
        }
        return accounts.authenticates(login, password) ? Optional.of(SitePrincipal.user(login)) : Optional.empty();
    }
}
