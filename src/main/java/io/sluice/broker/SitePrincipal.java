package io.sluice.broker;

/**
 * Who is on the other end of a broker connection, after authentication.
 *
 * @param name    login name as presented
 * @param kind    what the login is allowed to be
 * @param carrier for an edge: the carrier it serves; otherwise null
 */
public record SitePrincipal(String name, Kind kind, String carrier) {

    public enum Kind {
        /** A person using a PC client or the web page. */
        USER,
        /** A carrier edge dialling the core. */
        EDGE,
        /** This process's own routes (in-VM only). */
        SYSTEM,
        /** The primary core's mirror, dialling its passive standby (ADR 0014). */
        MIRROR
    }

    public static SitePrincipal user(String name) {
        return new SitePrincipal(name, Kind.USER, null);
    }

    public static SitePrincipal edge(String name, String carrier) {
        return new SitePrincipal(name, Kind.EDGE, carrier);
    }

    public static SitePrincipal system(String name) {
        return new SitePrincipal(name, Kind.SYSTEM, null);
    }

    public static SitePrincipal mirror(String name) {
        return new SitePrincipal(name, Kind.MIRROR, null);
    }
}
