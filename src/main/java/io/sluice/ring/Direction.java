package io.sluice.ring;

/** Which way a ring's messages travel; each carrier link has one ring per direction at each end. */
public enum Direction {
    /** Mobile-terminated: core (origin) → edge (mirror) → SMSC. */
    MT,
    /** Mobile-originated: SMSC → edge (origin) → core (mirror) → inbox. */
    MO;

    public String code() {
        return name().toLowerCase();
    }

    /** The ring's name, e.g. {@code mt.alpha}. */
    public String ringName(String carrier) {
        return code() + "." + carrier;
    }
}
