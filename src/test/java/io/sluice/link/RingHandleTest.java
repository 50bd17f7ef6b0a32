package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.sluice.ring.Direction;
import io.sluice.ring.Flag;
import io.sluice.ring.Payload;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ring handle's writes to its store, on a real broker. */
class RingHandleTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final String STORE = RingStore.storeOf(Direction.MT, "r");

    private InVmBroker broker;
    private ActiveMQConnectionFactory connectionFactory;
    private RingHandle origin;

    @BeforeEach
    void start() throws Exception {
        broker = new InVmBroker().withRingStore(Direction.MT, "r").start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
        origin = SiteLink.rings(connectionFactory, Map.of("r", 8)).get(Direction.MT, "r");
    }

    @AfterEach
    void stop() throws Exception {
        connectionFactory.close();
        broker.close();
    }

    @Test
    void retrievingAndSendingAtOnceWritesTheSlotOnceWithBothFlags() throws Exception {
        origin.markPositionKnown();

        Slot slot = origin.retrieveAndSend(message(), NOW, Duration.ZERO);

        assertThat(slot.flags()).contains(Flag.RETRIEVED, Flag.SENT);
        assertThat(RingStore.shardsOf(STORE).stream().mapToLong(broker::messagesAdded).sum()).as("one record, not one per flag").isEqualTo(1);
        assertThat(origin.storedRing().slot(slot.sequence())).get().extracting(Slot::flags)
                .satisfies(flags -> assertThat(flags).contains(Flag.RETRIEVED, Flag.SENT));
    }

    private static Payload message() {
        return new Payload("m1", "alice", "+447700900001", null, "hi");
    }
}
