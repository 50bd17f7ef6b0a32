package io.sluice.broker;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import io.sluice.credentials.LoginThrottle;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CompositeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artemis security for a Sluice site: authentication by an {@link Authenticator}, authorisation
 * per address by an {@link AccessPolicy} (Artemis' role-based security-settings cannot express
 * "a user may read only the inbox named after them").
 */
public final class SluiceSecurityManager implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceSecurityManager.class);

    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final LoginThrottle throttle;

    public SluiceSecurityManager(Authenticator authenticator, AccessPolicy policy) {
        this(authenticator, policy, LoginThrottle.byLogin(Clock.systemUTC()));
    }

    /** @param throttle failed logins by login and address; STOMP users behind one proxy share an address (ADR 0033) */
    public SluiceSecurityManager(Authenticator authenticator, AccessPolicy policy, LoginThrottle throttle) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.throttle = throttle;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain)
            throws NoCacheLoginException {
        if (user == null || password == null) {
            return null; // anonymous connections are refused
        }
        if (user.length() > LoginThrottle.LONGEST_LOGIN) {
            throw new NoCacheLoginException("refused: a login of " + user.length() + " characters"); // no such login
        }
        // Artemis authenticates an open connection again when its cached login expires: that is no guess.
        // Anything else is, even on an open connection: STOMP takes a second CONNECT as someone else,
        // and the next new session logs in with it.
        boolean newLogin = !principalOf(connection == null ? null : connection.getSubject())
                .map(principal -> principal.name().equals(user)).orElse(false);
        String address = ConnectionAddress.hostOf(connection);
        if (newLogin) {
            Duration wait = throttle.refusedFor(user, address);
            if (!wait.isZero()) {
                // refused before the password is checked: no BCrypt check, and no telling a right guess apart
                throw new NoCacheLoginException("refused: " + user + " from " + address + " failed too often; "
                        + "held off for " + wait.toSeconds() + " s more");
            }
        }
        Optional<SitePrincipal> principal = authenticator.authenticate(user, password);
        if (principal.isEmpty()) {
            if (newLogin) {
                throttle.failed(user, address);
                Duration wait = throttle.refusedFor(user, address);
                if (!wait.isZero()) {
                    LOG.warn("Login {} from {} failed {} times within {} s: held off for {} s", user, address,
                            LoginThrottle.FAILURES_PER_LOGIN, LoginThrottle.WINDOW.toSeconds(), wait.toSeconds());
                }
            }
            // Artemis would otherwise cache the refusal for security-invalidation-interval: an account
            // created or enabled meanwhile could not log in until it expired. Successes are cached, and
            // SiteBroker.disconnect clears that cache when an account is disabled.
            throw new NoCacheLoginException("refused: " + user);
        }
        if (newLogin) {
            throttle.succeeded(user, address);
        }
        return subjectOf(principal.get());
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        Optional<SitePrincipal> principal = principalOf(subject);
        String bareAddress = CompositeAddress.extractAddressName(address);
        return principal.isPresent() && policy.allows(principal.get(), checkType, bareAddress);
    }

    /** The Sluice principal this manager put into a subject when it authenticated the connection. */
    public static Optional<SitePrincipal> principalOf(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(SitePrincipalHolder.class).stream().map(SitePrincipalHolder::principal).findFirst();
    }

    private static Subject subjectOf(SitePrincipal principal) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(principal.name()));
        subject.getPrincipals().add(new RolePrincipal(principal.kind().name().toLowerCase()));
        subject.getPrincipals().add(new SitePrincipalHolder(principal));
        return subject;
    }

    @Override
    public boolean validateUser(String user, String password) {
        throw new UnsupportedOperationException("Artemis calls authenticate() on an ActiveMQSecurityManager5");
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        throw new UnsupportedOperationException("Artemis calls authorize() on an ActiveMQSecurityManager5");
    }

    /** Carries the Sluice principal inside the JAAS subject Artemis caches per connection. */
    record SitePrincipalHolder(SitePrincipal principal) implements Principal {
        @Override
        public String getName() {
            return principal.name();
        }
    }
}
