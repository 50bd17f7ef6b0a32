package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingSizes;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A slot freed by one route's transaction is taken by another route's before the first commits
 * (the core's link-reports processes a report and wakes ring-mt-send, which was waiting for room).
 * The newer record then commits before the older one; the ring store must still hold the newer one
 * for that address, or a restart loses the new message from the
 * ring (found by KillEverySoak: "Ring mt.alpha has no message with sequence …" after a core restart).
 */
class RingSlotReuseTest {

    private static final Instant NOW = Instant.parse("2026-11-27T07:20:00Z");

    @Test
    void aSlotTakenBeforeItsFreeingCommitsKeepsTheNewMessageInTheStore() throws Exception {
        try (InVmBroker broker = new InVmBroker().withRingStore(Direction.MT, "reuse").start();
             ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory("vm://0")) {
            TransactionTemplate transaction = new TransactionTemplate(new JmsTransactionManager(connectionFactory));
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            jms.setSessionTransacted(true);
            RingHandle ring = new RingRegistry(jms, Map.of("reuse", RingSizes.both(2))).get(Direction.MT, "reuse");
            ring.markPositionKnown();
            for (int i = 1; i <= 2; i++) {
                Payload payload = payload(i);
                transaction.executeWithoutResult(status -> retrieve(ring, payload, Duration.ZERO));
            }

            CountDownLatch newerCommitted = new CountDownLatch(1);
            CompletableFuture<Void> reports = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                ring.process(1); // frees the slot and wakes the waiting retrieve, before this commits
                try {
                    assertThat(newerCommitted.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            transaction.executeWithoutResult(status -> retrieve(ring, payload(3), Duration.ofSeconds(20)));
            newerCommitted.countDown();
            reports.get(30, TimeUnit.SECONDS);

            assertThat(ring.storedRing().slot(3)).as("sequence 3, in the slot sequence 1 had").get()
                    .extracting(Slot::messageId).isEqualTo("m3");
        }
    }

    private static Payload payload(int i) {
        return new Payload("m" + i, "alice", "+447700900001", null, "t" + i);
    }

    private static void retrieve(RingHandle ring, Payload payload, Duration patience) {
        try {
            ring.retrieveAndSend(payload, NOW, patience);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
