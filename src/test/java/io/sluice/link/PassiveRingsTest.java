package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingSizes;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A passive standby core's rings (ADR 0039): the primary's mirror writes their stores until the takeover, so
 * they are neither loaded nor fitted to the standby's sizes before it; the takeover does both.
 */
class PassiveRingsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T19:00:00Z");

    private InVmBroker broker;
    private ActiveMQConnectionFactory connectionFactory;

    @BeforeEach
    void start() throws Exception {
        broker = new InVmBroker().withRingStore(Direction.MT, "p").withRingStore(Direction.MO, "p").start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
    }

    @AfterEach
    void stop() throws Exception {
        connectionFactory.close();
        broker.close();
    }

    @Test
    void aPassiveStandbyLeavesTheMirroredStoresAloneUntilItTakesOver() throws Exception {
        RingHandle primary = SiteLink.rings(connectionFactory, Map.of("p", 8)).get(Direction.MO, "p");
        primary.markPositionKnown();
        for (int i = 1; i <= 11; i++) { // round the 8 slots: the store only fits 8
            primary.retrieveAndSend(new Payload("m" + i, "+447700900001", "alice", null, "mo " + i), NOW, Duration.ZERO);
            if (i <= 6) {
                primary.process(i);
            }
        }
        String store = RingStore.storeOf(Direction.MO, "p");
        long recordsBefore = RingStore.shardsOf(store).stream().mapToLong(broker::messagesAdded).sum();

        RingRegistry standby = SiteLink.ringsOfSizes(connectionFactory, Map.of("p", new RingSizes(8, 16)), false, Direction.MT);
        RingHandle passive = standby.get(Direction.MO, "p");
        assertThat(passive.ring().pointers().lastRetrieved()).as("not loaded while passive").isZero();
        assertThat(RingStore.shardsOf(store).stream().mapToLong(broker::messagesAdded).sum())
                .as("nothing written while passive").isEqualTo(recordsBefore);

        standby.reloadAll(); // the takeover
        assertThat(passive.ring().pointers()).isEqualTo(primary.ring().pointers());
        assertThat(passive.ring().slot(11)).get().satisfies(slot -> assertThat(slot.address()).isEqualTo(11));
    }
}
