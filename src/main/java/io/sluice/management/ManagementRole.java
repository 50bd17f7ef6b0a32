package io.sluice.management;

/**
 * What a management login may do in Hawtio and over Jolokia (ADR 0017). An admin may do everything an
 * operator may.
 */
public enum ManagementRole {
    /** Looks: reads attributes, lists and searches MBeans, runs operations that only read ({@link OperatorPolicy}). */
    OPERATOR,
    /** Also changes: writes attributes and runs any operation, those that delete or purge included. */
    ADMIN;

    /** The Spring Security authority of this role ({@code ROLE_OPERATOR}, {@code ROLE_ADMIN}). */
    String authority() {
        return "ROLE_" + name();
    }
}
