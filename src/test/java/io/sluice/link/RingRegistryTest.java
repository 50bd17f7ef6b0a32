package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.sluice.ring.Direction;
import io.sluice.ring.Ring;
import io.sluice.ring.RingFullException;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which rings a rolled-back batch reloads (ADR 0025); a reload replaces the ring held in memory. */
class RingRegistryTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void aRolledBackBatchReloadsEveryRingItsMessagesTouched() throws Exception {
        try (InVmBroker broker = brokerFor("alpha", "beta");
             ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory("vm://0")) {
            RingRegistry rings = SiteLink.rings(connectionFactory, Map.of("alpha", 8, "beta", 8));
            Ring alpha = rings.get(Direction.MT, "alpha").ring();
            Ring beta = rings.get(Direction.MO, "beta").ring();
            Ring untouched = rings.get(Direction.MO, "alpha").ring();

            rings.rolledBack(List.of(touching("mt.alpha"), touching("mo.beta"), touching(null),
                    failedWith(new IllegalStateException("as the test wants"), "mt.alpha")));

            assertThat(rings.get(Direction.MT, "alpha").ring()).isNotSameAs(alpha);
            assertThat(rings.get(Direction.MO, "beta").ring()).isNotSameAs(beta);
            assertThat(rings.get(Direction.MO, "alpha").ring()).isSameAs(untouched);
        }
    }

    @Test
    void aMessageRefusedForAFullRingChangedNothingAndReloadsNothing() throws Exception {
        try (InVmBroker broker = brokerFor("alpha");
             ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory("vm://0")) {
            RingRegistry rings = SiteLink.rings(connectionFactory, Map.of("alpha", 8));
            Ring alpha = rings.get(Direction.MT, "alpha").ring();

            rings.rolledBack(List.of(failedWith(new RingFullException("mt.alpha", 7), "mt.alpha")));

            assertThat(rings.get(Direction.MT, "alpha").ring())
                    .as("no reload: another route's open transaction on this ring keeps its change").isSameAs(alpha);
        }
    }

    private static InVmBroker brokerFor(String... carriers) throws Exception {
        InVmBroker broker = new InVmBroker();
        for (String carrier : carriers) {
            for (Direction direction : Direction.values()) {
                broker.withLastValueQueue(RingStore.queueOf(direction, carrier), RingStore.KEY);
            }
        }
        return broker.start();
    }

    private Exchange touching(String ring) {
        Exchange exchange = new DefaultExchange(camel);
        if (ring != null) {
            exchange.setProperty(LinkHeaders.RING_PROPERTY, ring);
        }
        return exchange;
    }

    private Exchange failedWith(Exception failure, String ring) {
        Exchange exchange = touching(ring);
        exchange.setException(failure);
        return exchange;
    }
}
