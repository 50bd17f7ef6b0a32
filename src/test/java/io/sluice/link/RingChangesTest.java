package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Pointers;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import io.sluice.testsupport.BrokenSend;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's ring changes follow it (ADR 0026): undone if it rolls back, and nothing another open
 * transaction did with them; kept if it commits, or if the store shows that a commit whose outcome was
 * unknown went through. On a real broker, each transaction on a thread of its own as a route runs it.
 */
class RingChangesTest {

    /** With nanoseconds, as the system clock gives them; the store keeps milliseconds. */
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00.123456789Z");
    private static final String CARRIER = "alpha";

    /** Breaks the connection of the next send it is armed for. */
    private final BrokenSend brokenSend = new BrokenSend();
    private InVmBroker broker;
    private ActiveMQConnectionFactory connectionFactory;
    private RingRegistry rings;
    private RingHandle mt;

    @BeforeEach
    void start() throws Exception {
        broker = new InVmBroker().withPlugin(brokenSend).withRingStore(Direction.MT, CARRIER)
                .withRingStore(Direction.MO, CARRIER).start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
        rings = SiteLink.rings(connectionFactory, Map.of(CARRIER, 8));
        mt = rings.get(Direction.MT, CARRIER);
        mt.markPositionKnown();
    }

    @AfterEach
    void stop() throws Exception {
        connectionFactory.close();
        broker.close();
    }

    @Test
    void aRolledBackBatchUndoesItsOwnChangesAndNotThoseOfATransactionStillOpen() throws Exception {
        long first = retrieved("m1");
        long second = retrieved("m2"); // both committed, awaiting their reports
        try (Batch sending = new Batch(); Batch reporting = new Batch()) {
            sending.begin();
            assertThat(sending.run(() -> retrieved("m3"))).isEqualTo(second + 1);
            reporting.begin();
            reporting.run(() -> mt.process(first));
            reporting.run(() -> mt.process(second));

            reporting.rollBack();

            assertThat(mt.pointers()).as("the open retrieval stays, the reports are undone")
                    .isEqualTo(new Pointers(second + 1, second + 1, 0, 0));
            assertThat(sending.run(() -> retrieved("m4"))).as("no sequence handed out twice").isEqualTo(second + 2);
            sending.commit();
        }
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(mt.storedRing().pointers());
        assertThat(mt.ring().slots()).as("slot for slot").isEqualTo(mt.storedRing().slots());
    }

    @Test
    void aRolledBackRetrievalFreesItsSequenceWhileAnotherTransactionsReportsStay() throws Exception {
        long first = retrieved("m1");
        try (Batch sending = new Batch(); Batch reporting = new Batch()) {
            sending.begin();
            sending.run(() -> retrieved("m2"));
            reporting.begin();
            reporting.run(() -> mt.process(first));

            sending.rollBack();
            reporting.commit();
        }
        assertThat(mt.pointers()).isEqualTo(new Pointers(first, first, first, first));
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(mt.storedRing().pointers());
        assertThat(mt.ring().slots()).as("slot for slot").isEqualTo(mt.storedRing().slots());
        assertThat(retrieved("m2")).as("the undone sequence is the next one").isEqualTo(first + 1);
    }

    @Test
    void thePeersSizeWrittenByAHeartBeatThatRolledBackIsWrittenByTheNext() throws Exception {
        try (Batch heartBeat = new Batch()) {
            heartBeat.begin();
            heartBeat.run(() -> {
                mt.heardPeer(new Pointers(0, 0, 0, 0), OptionalInt.of(4));
                return null;
            });
            heartBeat.rollBack();
        }
        assertThat(mt.storedPeerCapacity()).as("rolled back with its heart-beat").isEmpty();

        try (Batch next = new Batch()) {
            next.begin();
            next.run(() -> {
                mt.heardPeer(new Pointers(0, 0, 0, 0), OptionalInt.of(4)); // the same size as the one rolled back
                return null;
            });
            next.commit();
        }
        assertThat(mt.storedPeerCapacity()).as("kept for the next start").hasValue(4);
    }

    @Test
    void aCommitOfUnknownOutcomeIsKeptIfTheStoreHasIt() throws Exception {
        long sequence;
        try (Batch sending = new Batch()) {
            sending.begin();
            sequence = sending.run(() -> retrieved("m1"));
            sending.commitFailed(true);
        }
        assertThat(mt.ring().slot(sequence)).get().extracting(Slot::messageId).isEqualTo("m1");
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(mt.storedRing().pointers());
        assertThat(mt.ring().slots()).as("slot for slot").isEqualTo(mt.storedRing().slots());
    }

    @Test
    void aCommitOfUnknownOutcomeIsUndoneIfTheStoreDoesNotHaveIt() throws Exception {
        long sequence;
        try (Batch sending = new Batch()) {
            sending.begin();
            sequence = sending.run(() -> retrieved("m1"));
            sending.commitFailed(false);
        }
        assertThat(mt.ring().slot(sequence)).isEmpty();
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(new Pointers(0, 0, 0, 0));
    }

    @Test
    void aCommitOfUnknownOutcomeIsKeptIfTheStoreHasItThoughAnotherOpenTransactionWroteTheSlotSince() throws Exception {
        long sequence;
        try (Batch sending = new Batch(); Batch reporting = new Batch()) {
            sending.begin();
            sequence = sending.run(() -> retrieved("m1"));
            sending.commitFailedAfter(true); // the answer was lost; the edge has it and confirms it...
            reporting.begin();
            reporting.run(() -> mt.confirm(sequence)); // ...on a slot written since by this open transaction
            sending.decide();
            reporting.rollBack(); // the same outage takes this one down too

            assertThat(mt.ring().slot(sequence)).get().extracting(Slot::messageId).isEqualTo("m1");
        }
        assertThat(mt.ring().slots()).as("memory as committed").isEqualTo(mt.storedRing().slots());
        assertThat(retrieved("m2")).as("no sequence handed out twice").isEqualTo(sequence + 1);
    }

    @Test
    void aSpringCommitThatFailsOnABrokenConnectionIsDecidedOnAConnectionOfItsOwn() throws Exception {
        JmsTransactionManager manager = new JmsTransactionManager(connectionFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        brokenSend.arm(BrokenSend.toRingStore(Direction.MT, CARRIER), 1);

        assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status -> retrievedQuietly("m1")))
                .isInstanceOf(TransactionException.class);

        assertThat(brokenSend.left()).isZero();
        assertThat(RingChanges.current()).as("settled").isEmpty();
        assertThat(mt.pointers()).as("undone: the store does not have it").isEqualTo(new Pointers(0, 0, 0, 0));
        assertThat(retrieved("m2")).isEqualTo(1);
    }

    @Test
    void aSpringTransactionsRingChangesFollowItWithNobodyOpeningALog() throws Exception {
        JmsTransactionManager manager = new JmsTransactionManager(connectionFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        TransactionTemplate transaction = new TransactionTemplate(manager);

        transaction.executeWithoutResult(status -> {
            retrievedQuietly("rolled-back");
            status.setRollbackOnly();
        });
        assertThat(mt.pointers()).as("undone").isEqualTo(new Pointers(0, 0, 0, 0));

        transaction.executeWithoutResult(status -> retrievedQuietly("committed"));
        assertThat(mt.ring().slot(1)).get().extracting(Slot::messageId).isEqualTo("committed");
        assertThat(RingChanges.current()).as("no log left behind").isEmpty();
    }

    @Test
    void aPositionLearntInATransactionThatRolledBackIsLearntAgainFromTheNextHeartBeat() throws Exception {
        RingHandle mo = rings.get(Direction.MO, CARRIER);
        try (Batch heartbeat = new Batch(); Batch later = new Batch()) {
            heartbeat.begin();
            heartbeat.run(() -> learn(mo));
            heartbeat.rollBack();
            assertThat(mo.positionKnown()).isFalse();

            heartbeat.begin();
            heartbeat.run(() -> learn(mo));
            later.begin();
            later.run(() -> learn(mo)); // a later heart-beat teaches it again and commits first
            later.commit();
            heartbeat.rollBack();
            assertThat(mo.positionKnown()).as("known for good since the later one committed").isTrue();
        }
    }

    @Test
    void aTakenStrandedRecordWhoseCommitNoStoreCanTellIsStrandedAgainForTheReportThatMayComeAgain() throws Exception {
        long first = retrieved("m1");
        for (int i = 2; i <= mt.capacity(); i++) {
            retrieved("m" + i); // the ring is full
        }
        try (Batch reporting = new Batch(); Batch retrieving = new Batch(); Batch again = new Batch()) {
            reporting.begin();
            reporting.run(() -> mt.process(first));
            retrieving.begin();
            retrieving.run(() -> retrieved("m9")); // into first's slot
            retrieving.commit();
            reporting.rollBack();

            again.begin();
            assertThat(again.run(() -> mt.processReported(first))).get().extracting(Slot::messageId).isEqualTo("m1");
            again.commitFailed(true); // it wrote nothing a store could show
        }
        assertThat(mt.ring().takeStranded(first)).as("stranded again: its status told twice rather than never")
                .get().extracting(Slot::messageId).isEqualTo("m1");
    }

    @Test
    void aBatchNobodyCanSettleLeavesItsRetrievalInTheReplay() throws Exception {
        try (Batch sending = new Batch()) {
            sending.begin();
            sending.run(() -> retrieved("m1"));
            assertThat(mt.ring().replayWindow()).as("its retrieval open").isEmpty();
            sending.run(() -> {
                rings.abandoned(); // the consumer stopped before its listener could be told
                return null;
            });
        }
        assertThat(mt.ring().replayWindow()).extracting(Slot::messageId).containsExactly("m1");
    }

    private static Void learn(RingHandle ring) {
        ring.markPositionKnown();
        return null;
    }

    private long retrieved(String id) throws Exception {
        return mt.retrieveAndSend(new Payload(id, "alice", "+447700900001", null, "text " + id), NOW, Duration.ZERO)
                .sequence();
    }

    private void retrievedQuietly(String id) {
        try {
            retrieved(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A batch as the {@code groupcommit:} consumer runs it: a transacted session bound for the ring stores
     * on a thread of its own, the registry told how it ends.
     */
    private final class Batch implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private Connection connection;
        private Session session;

        void begin() throws Exception {
            run(() -> {
                connection = connectionFactory.createConnection();
                session = connection.createSession(true, Session.SESSION_TRANSACTED);
                TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(connection, session));
                rings.beginning();
                return null;
            });
        }

        <T> T run(Callable<T> step) throws Exception {
            return thread.submit(step).get(10, TimeUnit.SECONDS);
        }

        void commit() throws Exception {
            end(() -> {
                session.commit();
                rings.committed(List.of());
            });
        }

        void rollBack() throws Exception {
            end(() -> {
                session.rollback();
                rings.rolledBack(List.of());
            });
        }

        /** The commit's answer never came: it did or did not reach the broker. */
        void commitFailed(boolean reachedTheBroker) throws Exception {
            commitFailedAfter(reachedTheBroker);
            decide();
        }

        /** As {@link #commitFailed}, the registry not told yet. */
        void commitFailedAfter(boolean reachedTheBroker) throws Exception {
            end(() -> {
                if (reachedTheBroker) {
                    session.commit();
                } else {
                    session.rollback();
                }
            });
        }

        /** The registry told of a commit of unknown outcome: it asks the store. */
        void decide() throws Exception {
            run(() -> {
                rings.commitFailed(List.of());
                return null;
            });
        }

        private void end(ThrowingRunnable ending) throws Exception {
            run(() -> {
                TransactionSynchronizationManager.unbindResource(connectionFactory);
                ending.run();
                connection.close();
                return null;
            });
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
