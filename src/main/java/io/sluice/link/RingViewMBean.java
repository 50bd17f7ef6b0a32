package io.sluice.link;

/** A ring as operators see it in Hawtio's JMX tree ({@code io.sluice:type=Ring,name=<direction>.<carrier>}). */
public interface RingViewMBean {

    String getName();

    int getCapacity();

    long getLastRetrieved();

    long getLastSent();

    long getLastConfirmed();

    long getLastProcessed();

    long getFloor();

    int getOccupancy();

    /** Every used slot: address, sequence, flags, recipient. */
    String[] getSlots();
}
