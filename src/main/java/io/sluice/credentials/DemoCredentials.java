package io.sluice.credentials;

/**
 * The demo's credentials are a Spring profile, {@value #PROFILE}, that the demo and the tests give the sites
 * they start (ADR 0017); without it a site has no credential and must be given its own.
 */
public final class DemoCredentials {

    public static final String PROFILE = "demo-credentials";
    /** The command line argument that gives a started site the demo's credentials. */
    public static final String ARGUMENT = "--spring.profiles.active=" + PROFILE;

    private DemoCredentials() {
    }
}
