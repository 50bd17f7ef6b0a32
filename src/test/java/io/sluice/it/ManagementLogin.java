package io.sluice.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The demo's logins of Hawtio and Jolokia (application-demo-credentials.yml, ADR 0017), which the sites of
 * the integration tests have: an operator looks, an admin may also delete and purge.
 */
enum ManagementLogin {
    OPERATOR("operator", "demo-operator-pw"),
    ADMIN("admin", "demo-admin-pw");

    private final String name;
    private final String password;

    ManagementLogin(String name, String password) {
        this.name = name;
        this.password = password;
    }

    /** The value of an HTTP {@code Authorization} header with this login (Basic). */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
