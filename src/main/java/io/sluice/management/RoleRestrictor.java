package io.sluice.management;

import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Jolokia's access check, by the role of the login Spring Security authenticated for this request
 * (ADR 0017): an admin may do everything, an operator what {@link OperatorPolicy} allows, anybody else
 * nothing (Spring Security turns them away before, this is the second lock). Jolokia creates it by class
 * name ({@code management.endpoint.jolokia.config.restrictorClass}) and asks it on the request's thread,
 * where Spring Security keeps the authentication. A refusal is Jolokia's answer with status 403.
 */
public class RoleRestrictor implements Restrictor {

    private static final Set<RequestType> OPERATOR_TYPES =
            Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH, RequestType.VERSION, RequestType.EXEC);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return adminOrOperatorIf(OPERATOR_TYPES.contains(type));
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName mbean, String attribute) {
        return adminOrOperatorIf(OperatorPolicy.mayRead(mbean, attribute));
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName mbean, String attribute) {
        return adminOrOperatorIf(false);
    }

    @Override
    public boolean isOperationAllowed(ObjectName mbean, String operation) {
        return adminOrOperatorIf(OperatorPolicy.mayRun(mbean, operation));
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true; // who may connect is Spring Security's and the network's business
    }

    /**
     * Never a CORS grant (Jolokia would echo any origin, with credentials); no request is refused for its
     * origin either, since Hawtio's own requests carry one.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return onlyWhenStrictCheckingIsEnabled;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }

    /** Whether this request's login is an admin, or an operator and the operator may. */
    private static boolean adminOrOperatorIf(boolean operatorMay) {
        Set<ManagementRole> roles = roles();
        return roles.contains(ManagementRole.ADMIN) || roles.contains(ManagementRole.OPERATOR) && operatorMay;
    }

    private static Set<ManagementRole> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Set.of(ManagementRole.values()).stream().filter(role -> granted.contains(role.authority()))
                .collect(Collectors.toSet());
    }
}
