package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.sluice.ring.Direction;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

class RingJmxTest {

    @Test
    void everyRingAndLinkIsAnMBeanWithLivePointers() throws Exception {
        try (InVmBroker broker = new InVmBroker()
                .withRingStore(Direction.MT, "jmx")
                .withRingStore(Direction.MO, "jmx")
                .start();
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            RingRegistry rings = SiteLink.rings(factory, Map.of("jmx", 8));
            LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
            try (RingJmx jmx = new RingJmx(rings, monitor, List.of("jmx"))) {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName ring = new ObjectName("io.sluice:type=Ring,name=mt.jmx");
                assertThat(server.getAttribute(ring, "Capacity")).isEqualTo(8);
                assertThat(server.getAttribute(ring, "LastProcessed")).isEqualTo(0L);
                assertThat(server.getAttribute(new ObjectName("io.sluice:type=Link,carrier=jmx"), "Up")).isEqualTo(false);
            }
        }
    }
}
