package io.sluice.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Objects;

import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The ring's last-value-queue store against a real in-VM Artemis broker. */
class RingStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static InVmBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new InVmBroker()
                .withRingStore(Direction.MT, "alpha")
                .withRingStore(Direction.MO, "alpha")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void everyTransitionReplacesTheSlotsRecordAndTheRingLoadsBackAsItWas() throws Exception {
        RingStore store = store(Direction.MT);
        Ring ring = new Ring("mt.alpha", 8);
        for (int i = 1; i <= 12; i++) {  // wraps: slots 1-4 are reused
            store.save(ring.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "text " + i), NOW));
            store.save(ring.markSent(i));
            if (i <= 6 || i == 9) {
                store.save(ring.confirm(i).orElseThrow());
            }
            if (i <= 4) {
                store.save(ring.process(i).orElseThrow());
            }
        }

        Ring loaded = store.load("mt.alpha", 8);

        assertThat(loaded.pointers()).isEqualTo(ring.pointers());
        assertThat(loaded.slots()).isEqualTo(ring.slots());
        assertThat(loaded.replayWindow()).extracting(Slot::sequence).containsExactly(7L, 8L, 10L, 11L, 12L);
    }

    @Test
    void theFloorOfARebuiltMirrorIsKept() {
        RingStore store = store(Direction.MO);
        Ring mirror = new Ring("mo.alpha", 8);
        mirror.adoptFloor(500);
        store.saveFloor(mirror.floor());
        mirror.accept(501, new Payload("m501", "+447700900001", "alice", null, "hello"), NOW);
        store.save(mirror.slot(501).orElseThrow());

        Ring loaded = store.load("mo.alpha", 8);

        assertThat(loaded.floor()).isEqualTo(500);
        assertThat(loaded.pointers()).isEqualTo(mirror.pointers());
        assertThat(loaded.slots().stream().filter(Objects::nonNull)).hasSize(1);
    }

    @Test
    void aSequencesRecordThatCommitsLastDoesNotUndoAMoreAdvancedOneCommittedBefore() throws Exception {
        RingStore store = store(Direction.MO);
        Ring mirror = new Ring("mo.alpha", 8);
        mirror.accept(3, new Payload("m3", "+447700900001", "alice", null, "hello"), NOW);
        Slot stored = mirror.slot(3).orElseThrow();
        Slot processed = mirror.process(3).orElseThrow();
        try (Connection accepting = broker.connectionFactory().createConnection();
             Connection reporting = broker.connectionFactory().createConnection()) {
            // the accepting route wrote first; the route that delivered and processed it commits first
            Session acceptingSession = inTransaction(accepting, () -> store.save(stored));
            Session reportingSession = inTransaction(reporting, () -> store.save(processed));
            reportingSession.commit();
            acceptingSession.commit();
        }

        assertThat(store.load("mo.alpha", 8).slot(3)).as("processed, whichever committed last").contains(processed);
    }

    /** A transacted session on its own connection with {@code writes} made in it, not committed yet. */
    private Session inTransaction(Connection connection, Runnable writes) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        TransactionSynchronizationManager.bindResource(broker.connectionFactory(), new JmsResourceHolder(connection, session));
        try {
            writes.run();
        } finally {
            TransactionSynchronizationManager.unbindResource(broker.connectionFactory());
        }
        return session;
    }

    private static RingStore store(Direction direction) {
        JmsTemplate jms = new JmsTemplate(broker.connectionFactory());
        jms.setSessionTransacted(true);
        return new RingStore(jms, RingStore.storeOf(direction, "alpha"), 8);
    }
}
