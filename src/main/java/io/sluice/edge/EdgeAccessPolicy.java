package io.sluice.edge;

import io.sluice.broker.AccessPolicy;
import io.sluice.broker.SitePrincipal;
import org.apache.activemq.artemis.core.security.CheckType;

/** The edge broker has no network acceptor; only this process's own routes may use it. */
final class EdgeAccessPolicy implements AccessPolicy {

    @Override
    public boolean allows(SitePrincipal principal, CheckType check, String address) {
        return principal.kind() == SitePrincipal.Kind.SYSTEM;
    }
}
