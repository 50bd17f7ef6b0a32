package io.sluice.standby;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.sluice.broker.Authenticator;
import io.sluice.broker.SitePrincipal;
import io.sluice.broker.SystemCredentials;

/**
 * The primary's mirror logs in to its standby as {@value #LOGIN}; accepted only while the standby is
 * passive, so a primary that comes back after a takeover cannot push its stale state into the core
 * that replaced it (ADR 0014). Every other login goes to the core's own authenticator.
 */
public final class MirrorLogin implements Authenticator {

    /** The {@code sluice-} prefix is reserved: no account can take this login (Accounts.RESERVED_PREFIXES). */
    public static final String LOGIN = "sluice-mirror";

    private final String password;
    private final BooleanSupplier accepting;
    private final Authenticator others;

    public MirrorLogin(String password, BooleanSupplier accepting, Authenticator others) {
        this.password = password;
        this.accepting = accepting;
        this.others = others;
    }

    @Override
    public Optional<SitePrincipal> authenticate(String login, String candidate) {
        if (!LOGIN.equals(login)) {
            return others.authenticate(login, candidate);
        }
        return accepting.getAsBoolean() && !password.isBlank() && SystemCredentials.constantTimeEquals(password, candidate)
                ? Optional.of(SitePrincipal.mirror(LOGIN))
                : Optional.empty();
    }
}
