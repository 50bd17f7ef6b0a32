package io.sluice.broker;

import org.apache.activemq.artemis.core.security.CheckType;

/** Decides what an authenticated principal may do on a broker address. */
@FunctionalInterface
public interface AccessPolicy {

    boolean allows(SitePrincipal principal, CheckType check, String address);
}
