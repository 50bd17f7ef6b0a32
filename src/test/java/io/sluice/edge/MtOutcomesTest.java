package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.link.LinkHeaders;
import io.sluice.link.LinkMessages;
import io.sluice.link.Outgoing;
import io.sluice.link.RingHandle;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.BrokenSend;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.StoreHold;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's MT bookkeeper (ADR 0021) on a real broker: outcomes reach the ring store and the core's
 * report queue once, a failed commit is tried again in full, and the SMSC loop waits for commits
 * exactly when more outcomes than allowed are not yet on disk.
 */
class MtOutcomesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private InVmBroker broker;
    private ActiveMQConnectionFactory connectionFactory;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void recordedOutcomesMarkTheirSlotsProcessedOnDiskAndReachTheCoreOnce() throws Exception {
        RingHandle mt = mirrorWith(start(new InVmBroker()), 3);
        MtOutcomes outcomes = bookkeeper(mt, 1);

        for (long sequence = 1; sequence <= 3; sequence++) {
            outcomes.record(sequence, processedReport(sequence));
        }

        await().atMost(WAIT).until(() -> outcomes.unsynced() == 0);
        assertThat(mt.storedRing().pointers().lastProcessed()).as("committed").isEqualTo(3);
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(mt.storedRing().pointers());
        assertThat(reportSequences()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aTransactionCutShortIsWrittenAgainInFullAndNothingReachesTheCoreTwice() throws Exception {
        BrokenSend refusals = new BrokenSend().arm(LinkMessages.TO_CORE, 2); // the bookkeeper's connection breaks twice
        InVmBroker broker = start(new InVmBroker().withPlugin(refusals));
        RingHandle mt = mirrorWith(broker, 2);
        MtOutcomes outcomes = bookkeeper(mt, 1);

        outcomes.record(1, processedReport(1));
        outcomes.record(2, processedReport(2));

        await().atMost(WAIT).until(() -> outcomes.unsynced() == 0);
        assertThat(refusals.left()).as("both refusals were met").isZero();
        assertThat(mt.storedRing().pointers().lastProcessed()).as("committed").isEqualTo(2);
        assertThat(mt.pointers()).as("memory as committed").isEqualTo(mt.storedRing().pointers());
        assertThat(reportSequences()).containsExactly(1L, 2L);
    }

    @Test
    void theNextSubmitWaitsOnlyWhenMoreOutcomesThanAllowedAreNotOnDisk() throws Exception {
        StoreHold disk = new StoreHold(LinkMessages.TO_CORE); // a disk that does not answer until the test says so
        InVmBroker broker = start(new InVmBroker().withPlugin(disk));
        disk.arm();
        MtOutcomes outcomes = bookkeeper(mirrorWith(broker, 2), 1);

        outcomes.record(1, processedReport(1));
        outcomes.awaitRoom(); // one outcome not on disk is allowed: returns at once
        outcomes.record(2, processedReport(2));
        Thread nextSubmit = new Thread(() -> {
            try {
                outcomes.awaitRoom();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "next-submit");
        nextSubmit.start();

        await().atMost(WAIT).until(() -> nextSubmit.getState() == Thread.State.TIMED_WAITING
                || nextSubmit.getState() == Thread.State.WAITING);
        assertThat(outcomes.unsynced()).isEqualTo(2);
        assertThat(nextSubmit.isAlive()).as("two outcomes not on disk: the next submit waits").isTrue();
        disk.release();
        nextSubmit.join(WAIT.toMillis());
        assertThat(nextSubmit.isAlive()).isFalse();
        await().atMost(WAIT).until(() -> outcomes.unsynced() == 0);
    }

    private InVmBroker start(InVmBroker broker) throws Exception {
        this.broker = broker.withRingStore(Direction.MT, "alpha").start(LinkMessages.TO_CORE);
        closing.add(broker);
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
        closing.add(connectionFactory);
        return broker;
    }

    /** The edge's MT mirror holding sequences 1..n, as ring-mt-accept leaves it. */
    private RingHandle mirrorWith(InVmBroker broker, int messages) {
        RingHandle mt = SiteLink.rings(connectionFactory, Map.of("alpha", 8)).get(Direction.MT, "alpha");
        for (int sequence = 1; sequence <= messages; sequence++) {
            mt.accept(sequence, new Payload("m" + sequence, "alice", "+447700900001", null, "text " + sequence), NOW);
        }
        return mt;
    }

    /** The bookkeeper on the factory its ring's store writes on, as the edge wires it: one transaction for both. */
    private MtOutcomes bookkeeper(RingHandle mt, int maxUnsynced) throws Exception {
        MtOutcomes outcomes = new MtOutcomes(connectionFactory, mt, maxUnsynced);
        outcomes.start();
        closing.add(outcomes);
        return outcomes;
    }

    private List<org.apache.camel.Message> processedReport(long sequence) {
        Outgoing out = new Outgoing(camel);
        LinkMessages.report(out, LinkMessages.TO_CORE, LinkHeaders.KIND_PROCESSED, Direction.MT, "alpha", sequence)
                .setHeader(LinkHeaders.OUTCOME, LinkHeaders.OUTCOME_OK);
        return out.messages();
    }

    /** Every report on the core's queue, in order, until none comes for a second. */
    private List<Long> reportSequences() throws Exception {
        List<Long> sequences = new ArrayList<>();
        Message report;
        while ((report = broker.receive(LinkMessages.TO_CORE, Duration.ofSeconds(1))) != null) {
            assertThat(report.getStringProperty(LinkHeaders.OUTCOME)).isEqualTo(LinkHeaders.OUTCOME_OK);
            sequences.add(report.getLongProperty(LinkHeaders.SEQUENCE));
        }
        return sequences;
    }
}
