package io.sluice.broker;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CompositeAddress;

/**
 * Artemis security for a Sluice site: authentication by an {@link Authenticator}, authorisation
 * per address by an {@link AccessPolicy} (Artemis' role-based security-settings cannot express
 * "a user may read only the inbox named after them").
 */
public final class SluiceSecurityManager implements ActiveMQSecurityManager5 {

    private final Authenticator authenticator;
    private final AccessPolicy policy;

    public SluiceSecurityManager(Authenticator authenticator, AccessPolicy policy) {
        this.authenticator = authenticator;
        this.policy = policy;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain)
            throws NoCacheLoginException {
        if (user == null || password == null) {
            return null; // anonymous connections are refused
        }
        Optional<SitePrincipal> principal = authenticator.authenticate(user, password);
        if (principal.isEmpty()) {
            // Artemis would otherwise cache the refusal for security-invalidation-interval: an account
            // created or enabled meanwhile could not log in until it expired. Successes are cached, and
            // SiteBroker.disconnect clears that cache when an account is disabled.
            throw new NoCacheLoginException("refused: " + user);
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
