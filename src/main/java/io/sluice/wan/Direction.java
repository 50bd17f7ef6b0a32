package io.sluice.wan;

/** Which way bytes travel through a proxied connection. */
enum Direction {
    /** From the dialling side (the edge) to the target (the core). */
    CLIENT_TO_TARGET("c2t"),
    /** From the target back to the dialling side. */
    TARGET_TO_CLIENT("t2c");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** Short name used in thread names. */
    String label() {
        return label;
    }
}
