package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sluice.broker.CamelJms;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.TextMessage;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The edge's MO intake transactions run one at a time from begin to the end of commit (ADR 0022): a
 * second deliver_sm waits for the first one's commit before its steps begin, and both commit, in order.
 *
 * <p>The commits are followed through transaction synchronisations: a turn held only around the
 * route's steps let the route's own error handler commit after giving the turn back (the cause of a
 * CI run in which the second message reached the queue before the first).
 */
class OneAtATimeTransactionPolicyTest {

    private static final String QUEUE = "sluice.test.intake";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InVmBroker broker = new InVmBroker();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private SessionReusingTransactionManager manager;

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        manager.destroy();
        broker.close();
    }

    @Test
    void aSecondTransactionBeginsOnlyAfterTheFirstCommitted() throws Exception {
        broker.start(QUEUE);
        manager = new SessionReusingTransactionManager(broker.connectionFactory());
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        List<String> steps = new CopyOnWriteArrayList<>();
        camel.getRegistry().bind("jms", CamelJms.component(broker.connectionFactory()));
        OneAtATimeTransactionPolicy policy = new OneAtATimeTransactionPolicy(manager);
        List<Boolean> turnHeldAtCommit = new CopyOnWriteArrayList<>();
        camel.getRegistry().bind("edgeTransaction", policy);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:intake").transacted("edgeTransaction")
                        .process(exchange -> {
                            String name = exchange.getMessage().getBody(String.class);
                            steps.add(name + " begins");
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void beforeCommit(boolean readOnly) {
                                    turnHeldAtCommit.add(policy.isTurnHeldByCurrentThread());
                                    steps.add(name + " commits");
                                }

                                @Override
                                public void afterCompletion(int status) {
                                    steps.add(name + (status == STATUS_COMMITTED ? " committed" : " did not commit"));
                                }
                            });
                            if ("first".equals(name)) {
                                firstInside.countDown();
                                assertThat(firstMayFinish.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                            }
                        })
                        .to("jms:queue:" + QUEUE)
                        .process(exchange -> steps.add(exchange.getMessage().getBody(String.class) + " ends"));
            }
        });
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();

        Thread first = new Thread(() -> producer.sendBody("direct:intake", "first"), "first-deliver-sm");
        first.start();
        assertThat(firstInside.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> producer.sendBody("direct:intake", "second"), "second-deliver-sm");
        second.start();
        // parked on the policy's turn, not inside the route
        await().atMost(WAIT).until(() -> second.getState() == Thread.State.WAITING);
        assertThat(steps).containsExactly("first begins");

        firstMayFinish.countDown();
        first.join(WAIT.toMillis());
        second.join(WAIT.toMillis());

        assertThat(steps).containsExactly(
                "first begins", "first ends", "first commits", "first committed",
                "second begins", "second ends", "second commits", "second committed");
        assertThat(turnHeldAtCommit).containsExactly(true, true);
        assertThat(((TextMessage) broker.receive(QUEUE, WAIT)).getText()).isEqualTo("first");
        assertThat(((TextMessage) broker.receive(QUEUE, WAIT)).getText()).isEqualTo("second");
    }
}
