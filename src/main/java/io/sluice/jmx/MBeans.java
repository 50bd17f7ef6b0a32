package io.sluice.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Sluice's own MBeans (domain {@code io.sluice}) on the platform MBean server, where Hawtio's JMX tree
 * shows them next to the broker's and Camel's. Unregisters what it registered when closed; a bean
 * left by an earlier context in the same JVM (tests) is replaced.
 */
public final class MBeans implements AutoCloseable {

    public static final String DOMAIN = "io.sluice";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    /** Registers {@code view} under {@code io.sluice:<properties>}, exposing the interface {@code type}. */
    public <T> void register(String properties, T view, Class<T> type) throws JMException {
        ObjectName name = new ObjectName(DOMAIN + ":" + properties);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(view, type), name);
        registered.add(name);
    }

    @Override
    public void close() throws JMException {
        for (ObjectName name : registered) {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        }
        registered.clear();
    }
}
