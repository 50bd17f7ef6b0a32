package io.sluice.link;

/** A carrier link as operators see it in Hawtio's JMX tree ({@code io.sluice:type=Link,carrier=<carrier>}). */
public interface LinkViewMBean {

    boolean isUp();

    String getLastHeard();

    long getInterruptions();

    String getLastInterruptionAt();

    long getReplays();

    long getRebuilds();

    /** Latest round-trip time measured on the heart-beats (ADR 0010), ms; -1 before the first echo. */
    long getRoundTripMillis();
}
