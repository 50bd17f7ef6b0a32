package io.sluice.link;

import java.util.Objects;

import javax.management.JMException;

import io.sluice.jmx.MBeans;
import io.sluice.ring.Pointers;
import io.sluice.ring.Slot;

/**
 * Publishes a site's rings and links as MBeans, so Hawtio shows their pointers, occupancy and slot
 * flags live next to the broker's and Camel's.
 */
public final class RingJmx implements AutoCloseable {

    private final MBeans mbeans = new MBeans();

    public RingJmx(RingRegistry rings, LinkMonitor monitor, Iterable<String> carriers) throws JMException {
        for (RingHandle ring : rings.all()) {
            mbeans.register("type=Ring,name=" + ring.name(), new RingView(ring), RingViewMBean.class);
        }
        for (String carrier : carriers) {
            mbeans.register("type=Link,carrier=" + carrier, new LinkView(monitor.state(carrier)), LinkViewMBean.class);
        }
    }

    @Override
    public void close() throws JMException {
        mbeans.close();
    }

    /** Standard MBean over one ring; reads are live. */
    public static final class RingView implements RingViewMBean {
        private final RingHandle ring;

        RingView(RingHandle ring) {
            this.ring = ring;
        }

        private Pointers pointers() {
            return ring.pointers();
        }

        @Override public String getName() { return ring.name(); }
        @Override public int getCapacity() { return ring.capacity(); }
        @Override public long getLastRetrieved() { return pointers().lastRetrieved(); }
        @Override public long getLastSent() { return pointers().lastSent(); }
        @Override public long getLastConfirmed() { return pointers().lastConfirmed(); }
        @Override public long getLastProcessed() { return pointers().lastProcessed(); }
        @Override public long getFloor() { return ring.ring().floor(); }
        @Override public int getOccupancy() { return ring.ring().occupancy(); }

        @Override
        public String[] getSlots() {
            return ring.ring().slots().stream().filter(Objects::nonNull)
                    .map(RingView::describe).toArray(String[]::new);
        }

        private static String describe(Slot slot) {
            return slot.address() + " seq=" + slot.sequence() + " " + slot.flags().stream().sorted().toList()
                    + " to=" + slot.payload().recipient();
        }
    }

    /** Standard MBean over one link's monitor state. */
    public static final class LinkView implements LinkViewMBean {
        private final LinkMonitor.LinkState state;

        LinkView(LinkMonitor.LinkState state) {
            this.state = state;
        }

        @Override public boolean isUp() { return state.up(); }
        @Override public String getLastHeard() { return String.valueOf(state.lastHeard()); }
        @Override public long getInterruptions() { return state.interruptions(); }
        @Override public String getLastInterruptionAt() { return String.valueOf(state.lastInterruptionAt()); }
        @Override public long getReplays() { return state.replays(); }
        @Override public long getRebuilds() { return state.rebuilds(); }
        @Override public long getRoundTripMillis() { return state.roundTripTime().map(java.time.Duration::toMillis).orElse(-1L); }
    }
}
