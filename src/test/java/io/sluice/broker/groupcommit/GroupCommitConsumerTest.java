package io.sluice.broker.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.sluice.broker.CamelJms;
import io.sluice.testsupport.BrokenSend;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.api.core.ActiveMQInternalErrorException;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code groupcommit:} consumer (ADR 0025) on a real broker, with a route that copies each message
 * to queue {@code out} inside the batch's transaction: messages keep their queue order, share commits,
 * and a failure anywhere (a step, a send, the commit) costs a redelivery of its batch and nothing else:
 * every message reaches {@code out} once.
 */
class GroupCommitConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IN = "in";
    private static final String OUT = "out";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final CommittedSends sends = new CommittedSends();
    /** Message numbers in the order the route's step saw them, redeliveries included. */
    private final List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    /** Message numbers of each batch the listener was told rolled back (or may have). */
    private final List<List<Integer>> rolledBack = Collections.synchronizedList(new ArrayList<>());
    /** What the listener was told, in order: begin, committed, rolled back, commit failed. */
    private final List<String> told = Collections.synchronizedList(new ArrayList<>());
    private InVmBroker broker;
    /** Marks in {@link #seen}: the rollback listener failed, or did its work. */
    private static final int LISTENER_FAILED = -1;
    private static final int LISTENER_DONE = -2;
    /** Attempts of the rollback listener still to fail. */
    private volatile int listenerFailures;

    @AfterEach
    void close() throws Exception {
        camel.stop();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBacklogGoesThroughInQueueOrderWithOneCommitPerBatch() throws Exception {
        startBroker();
        queue(200);

        startRoute("maxMessages=64&maxMillis=60000", exchange -> { });

        assertThat(delivered(200)).isEqualTo(numbers(1, 200));
        assertThat(sends.batchSizes()).containsExactly(64, 64, 64, 8);
        assertThat(rolledBack).isEmpty();
        assertThat(told).containsExactly("begin", "committed", "begin", "committed", "begin", "committed", "begin",
                "committed");
    }

    @Test
    void aStepCanEndTheBatchAfterItsMessage() throws Exception {
        startBroker();
        queue(30);

        startRoute("maxMessages=64&maxMillis=60000", exchange -> {
            if (number(exchange) % 10 == 0) {
                exchange.setProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, true);
            }
        });

        assertThat(delivered(30)).isEqualTo(numbers(1, 30));
        assertThat(sends.batchSizes()).containsExactly(10, 10, 10);
    }

    @Test
    void aBatchTakesNoFurtherMessageOnceItHasBeenOpenMaxMillis() throws Exception {
        startBroker();
        queue(5);

        startRoute("maxMessages=64&maxMillis=0", exchange -> { });

        assertThat(delivered(5)).isEqualTo(numbers(1, 5));
        assertThat(sends.batchSizes()).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void aFailedMessageRollsBackItsBatchThenTheOnesBeforeItGoTogetherThenItAlone() throws Exception {
        startBroker();
        queue(30);
        boolean[] failedOnce = {false};

        startRoute("maxMessages=64&maxMillis=60000", exchange -> {
            if (number(exchange) == 7 && !failedOnce[0]) {
                failedOnce[0] = true;
                throw new IllegalStateException("message 7 fails once, as the test wants");
            }
        });

        assertThat(delivered(30)).isEqualTo(numbers(1, 30));
        List<Integer> expectedSeen = new ArrayList<>(numbers(1, 7));
        expectedSeen.add(LISTENER_DONE);
        expectedSeen.addAll(numbers(1, 6));
        expectedSeen.addAll(numbers(7, 30));
        assertThat(seen).isEqualTo(expectedSeen);
        assertThat(sends.batchSizes()).containsExactly(6, 1, 23);
        assertThat(rolledBack).containsExactly(numbers(1, 7));
    }

    @Test
    void nothingMoreIsTakenUntilTheListenerHasPutBackWhatARolledBackBatchChanged() throws Exception {
        startBroker();
        queue(10);
        boolean[] failedOnce = {false};
        listenerFailures = 1; // its first attempt fails, as a ring's reload could while the broker is in trouble

        startRoute("maxMessages=64&maxMillis=60000", exchange -> {
            if (number(exchange) == 3 && !failedOnce[0]) {
                failedOnce[0] = true;
                throw new IllegalStateException("message 3 fails once, as the test wants");
            }
        });

        assertThat(delivered(10)).isEqualTo(numbers(1, 10));
        assertThat(rolledBack).containsExactly(numbers(1, 3), numbers(1, 3));
        List<Integer> expectedSeen = new ArrayList<>(numbers(1, 3));
        expectedSeen.add(LISTENER_FAILED);
        expectedSeen.add(LISTENER_DONE);
        expectedSeen.addAll(numbers(1, 10));
        assertThat(seen).isEqualTo(expectedSeen);
    }

    @Test
    void aMessageThatFailsEveryTimeHoldsUpNothingElse() throws Exception {
        startBroker(); // Artemis's default: 10 delivery attempts, then the message is dropped (no dead letter address here)
        queue(20);

        startRoute("maxMessages=64&maxMillis=60000", exchange -> {
            if (number(exchange) == 5) {
                throw new IllegalStateException("message 5 always fails, as the test wants");
            }
        });

        List<Integer> allButFive = new ArrayList<>(numbers(1, 20));
        allButFive.remove(Integer.valueOf(5));
        assertThat(delivered(19)).isEqualTo(allButFive);
        await().atMost(WAIT).until(() -> broker.server().locateQueue(IN).getMessageCount() == 0);
        Map<Integer, Integer> attempts = new LinkedHashMap<>();
        synchronized (seen) {
            seen.forEach(n -> attempts.merge(n, 1, Integer::sum));
        }
        assertThat(attempts.get(5)).isEqualTo(10);
        IntStream.rangeClosed(1, 4).forEach(n -> assertThat(attempts.get(n)).as("message %d", n).isEqualTo(2));
        IntStream.rangeClosed(6, 20).forEach(n -> assertThat(attempts.get(n)).as("message %d", n).isEqualTo(1));
        assertThat(rolledBack.get(0)).isEqualTo(numbers(1, 5));
        assertThat(rolledBack.subList(1, rolledBack.size())).hasSize(9).allMatch(batch -> batch.equals(List.of(5)));
    }

    @Test
    void aCommitThatFailsIsTriedAgainOnANewSessionWithNothingLostOrTwice() throws Exception {
        startBroker();
        queue(10);
        boolean[] cut = {false};

        // the route's send of message 3 has gone through; then its connection breaks before the commit
        startRoute("maxMessages=64&maxMillis=60000", exchange -> {
            if (number(exchange) == 3 && !cut[0]) {
                cut[0] = true;
                exchange.setProperty(GroupCommitEndpoint.END_BATCH_AFTER_THIS, true);
                failConsumerConnection();
            }
        });

        assertThat(delivered(10)).isEqualTo(numbers(1, 10));
        assertThat(rolledBack).containsExactly(numbers(1, 3));
        assertThat(told).as("the broker may have committed it: the listener must find out")
                .contains("commit failed").doesNotContain("rolled back");
    }

    @Test
    void aSendThatFailsInTheMiddleOfABatchCostsARedeliveryAndNothingElse() throws Exception {
        BrokenSend brokenSend = new BrokenSend().arm(message -> OUT.equals(message.getAddress())
                && Integer.valueOf(4).equals(message.getIntProperty("n")), 1);
        broker = new InVmBroker().withPlugin(sends).withPlugin(brokenSend).start(IN, OUT);
        queue(12);

        startRoute("maxMessages=64&maxMillis=60000", exchange -> { });

        assertThat(delivered(12)).isEqualTo(numbers(1, 12));
        // a transacted send is not answered one by one: the broken connection shows at a later send or the commit
        assertThat(rolledBack).isNotEmpty();
        assertThat(rolledBack.get(0)).startsWith(1, 2, 3, 4);
    }

    // --- the set-up -------------------------------------------------------------------------------------

    private void startBroker() throws Exception {
        broker = new InVmBroker().withPlugin(sends).start(IN, OUT);
    }

    private void queue(int count) throws JMSException {
        for (int n = 1; n <= count; n++) {
            broker.sendTyped(IN, Map.of("n", n), "message " + n);
        }
    }

    private void startRoute(String options, Processor step) throws Exception {
        camel.getRegistry().bind("jms", CamelJms.component(broker.connectionFactory()));
        camel.getRegistry().bind("rollbacks", new BatchListener() {
            @Override
            public void beginning() {
                told.add("begin");
            }

            @Override
            public void committed(List<Exchange> batch) {
                told.add("committed");
            }

            @Override
            public void rolledBack(List<Exchange> batch) {
                undo(batch, "rolled back");
            }

            @Override
            public void commitFailed(List<Exchange> batch) {
                undo(batch, "commit failed");
            }

            private void undo(List<Exchange> batch, String how) {
                told.add(how);
                rolledBack.add(batch.stream().map(GroupCommitConsumerTest::number).toList());
                if (listenerFailures > 0) {
                    listenerFailures--;
                    seen.add(LISTENER_FAILED);
                    throw new IllegalStateException("the listener fails, as the test wants");
                }
                seen.add(LISTENER_DONE);
            }
        });
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("groupcommit:" + IN + "?batchListener=#rollbacks&" + options)
                        .process(exchange -> seen.add(number(exchange)))
                        .to("jms:queue:" + OUT)
                        .process(step);
            }
        });
        camel.start();
    }

    /** Waits for {@code count} messages on {@code out}, then takes them: their numbers in queue order. */
    private List<Integer> delivered(int count) throws JMSException {
        await().atMost(WAIT).until(() -> broker.server().locateQueue(OUT).getMessageCount() >= count);
        List<Integer> numbers = new ArrayList<>();
        for (Message message = broker.receive(OUT, Duration.ofMillis(500)); message != null;
             message = broker.receive(OUT, Duration.ofMillis(500))) {
            numbers.add(message.getIntProperty("n"));
        }
        return numbers;
    }

    private void failConsumerConnection() {
        for (ServerSession session : broker.server().getSessions()) {
            if (session.getServerConsumers().stream().anyMatch(consumer -> IN.equals(consumer.getQueue().getName().toString()))) {
                session.getRemotingConnection().fail(new ActiveMQInternalErrorException("connection lost, as the test wants"));
            }
        }
    }

    private static int number(Exchange exchange) {
        return exchange.getMessage().getHeader("n", Integer.class);
    }

    private static List<Integer> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Which broker transaction each committed send to {@code out} was part of: the batches, in order. */
    private static final class CommittedSends implements ActiveMQServerMessagePlugin {

        private final Map<Long, Integer> sizeByTransaction = Collections.synchronizedMap(new LinkedHashMap<>());

        @Override
        public void afterSend(ServerSession session, Transaction tx, org.apache.activemq.artemis.api.core.Message message,
                              boolean direct, boolean noAutoCreateQueue,
                              org.apache.activemq.artemis.core.postoffice.RoutingStatus result) {
            if (OUT.equals(message.getAddress()) && tx != null) {
                tx.addOperation(new org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract() {
                    @Override
                    public void afterCommit(Transaction committed) {
                        sizeByTransaction.merge(committed.getID(), 1, Integer::sum);
                    }
                });
            }
        }

        List<Integer> batchSizes() {
            synchronized (sizeByTransaction) {
                return List.copyOf(sizeByTransaction.values());
            }
        }
    }
}
