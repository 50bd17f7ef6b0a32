package io.sluice.link;

/** A carrier link as operators see it in Hawtio's JMX tree ({@code io.sluice:type=Link,carrier=<carrier>}). */
public interface LinkViewMBean {

    boolean isUp();

    String getLastHeard();

    long getInterruptions();

    String getLastInterruptionAt();

    long getReplays();

    long getRebuilds();
}
