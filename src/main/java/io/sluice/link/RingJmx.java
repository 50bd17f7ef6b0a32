package io.sluice.link;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import io.sluice.ring.Pointers;
import io.sluice.ring.Slot;

/**
 * Publishes a site's rings and links as MBeans, so Hawtio shows their pointers, occupancy and slot
 * flags live next to the broker's and Camel's.
 */
public final class RingJmx implements AutoCloseable {

    public static final String DOMAIN = "io.sluice";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    public RingJmx(RingRegistry rings, LinkMonitor monitor, Iterable<String> carriers) throws JMException {
        for (RingHandle ring : rings.all()) {
            register(new StandardMBean(new RingView(ring), RingViewMBean.class),
                    new ObjectName(DOMAIN + ":type=Ring,name=" + ring.name()));
        }
        for (String carrier : carriers) {
            register(new StandardMBean(new LinkView(monitor.state(carrier)), LinkViewMBean.class),
                    new ObjectName(DOMAIN + ":type=Link,carrier=" + carrier));
        }
    }

    private void register(Object mbean, ObjectName name) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(mbean, name);
        registered.add(name);
    }

    @Override
    public void close() throws JMException {
        for (ObjectName name : registered) {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        }
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
    }
}
