package io.sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.testsupport.InVmBroker;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.ActiveMQNotConnectedException;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The edge's transactions for deliver_sm handling on a real broker: one connection for many
 * transactions, a template on the route factory still joins each one, a rollback leaves nothing for
 * the next, commit and rollback are still announced, and a connection the broker drops is replaced.
 */
class SessionReusingTransactionManagerTest {

    private static final String QUEUE = "sluice.test.receive";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<RemotingConnection> opened = new CopyOnWriteArrayList<>();
    private final InVmBroker broker = new InVmBroker().withPlugin(new ActiveMQServerConnectionPlugin() {
        @Override
        public void afterCreateConnection(RemotingConnection connection) {
            opened.add(connection);
        }
    });
    private SessionReusingTransactionManager manager;
    private JmsTemplate routeTemplate;

    @BeforeEach
    void start() throws Exception {
        broker.start(QUEUE);
        opened.clear(); // the test broker's own connection
        manager = new SessionReusingTransactionManager(broker.connectionFactory());
        routeTemplate = new JmsTemplate(broker.connectionFactory());
        routeTemplate.setSessionTransacted(true); // as the ring and part stores are
    }

    @AfterEach
    void stop() throws Exception {
        manager.destroy();
        broker.close();
    }

    @Test
    void manyTransactionsOpenOneConnectionAndEachCommitsWhatItsTemplateSent() throws Exception {
        for (int i = 1; i <= 50; i++) {
            String text = "deliver_sm " + i;
            inTransaction(manager, () -> routeTemplate.convertAndSend(QUEUE, text));
        }

        assertThat(opened).hasSize(1);
        assertThat(drain()).hasSize(50).first().isEqualTo("deliver_sm 1");
    }

    /** What the change is for: the plain manager opens a connection per transaction. */
    @Test
    void spring_sPlainManagerOpensAConnectionPerTransaction() {
        JmsTransactionManager plain = new JmsTransactionManager(broker.connectionFactory());
        for (int i = 1; i <= 5; i++) {
            inTransaction(plain, () -> routeTemplate.convertAndSend(QUEUE, "plain"));
        }

        assertThat(opened).hasSize(5);
    }

    @Test
    void aRolledBackTransactionLeavesNothingForTheNextOnTheSameSession() throws Exception {
        assertThatThrownBy(() -> inTransaction(manager, () -> {
            routeTemplate.convertAndSend(QUEUE, "rolled back");
            throw new IllegalStateException("the MO ring is full");
        })).hasMessageContaining("ring is full");
        inTransaction(manager, () -> routeTemplate.convertAndSend(QUEUE, "committed"));

        assertThat(opened).hasSize(1);
        assertThat(drain()).containsExactly("committed");
    }

    @Test
    void commitAndRollbackAreStillAnnouncedToSynchronisations() {
        List<Integer> outcomes = new ArrayList<>();
        TransactionSynchronization listener = new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                outcomes.add(status);
            }
        };

        inTransaction(manager, () -> TransactionSynchronizationManager.registerSynchronization(listener));
        assertThatThrownBy(() -> inTransaction(manager, () -> {
            TransactionSynchronizationManager.registerSynchronization(listener);
            throw new IllegalStateException("rolled back");
        }));

        assertThat(outcomes).containsExactly(TransactionSynchronization.STATUS_COMMITTED,
                TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    @Test
    void aConnectionTheBrokerDropsIsReplacedAndOnlyCommittedWorkArrives() throws Exception {
        inTransaction(manager, () -> routeTemplate.convertAndSend(QUEUE, "before"));
        for (RemotingConnection connection : opened) {
            connection.fail(new ActiveMQNotConnectedException("cut by the test"));
        }

        AtomicInteger attempts = new AtomicInteger();
        await().atMost(WAIT).until(() -> {
            try {
                inTransaction(manager, () -> routeTemplate.convertAndSend(QUEUE, "after " + attempts.incrementAndGet()));
                return true;
            } catch (RuntimeException failedOnTheDeadConnection) {
                return false; // the route would roll back and the SMSC send it again
            }
        });

        assertThat(opened).hasSize(2);
        assertThat(drain()).containsExactly("before", "after " + attempts.get());
    }

    private static void inTransaction(PlatformTransactionManager manager, Runnable work) {
        new TransactionTemplate(manager).executeWithoutResult((TransactionStatus status) -> work.run());
    }

    private List<String> drain() throws Exception {
        List<String> texts = new ArrayList<>();
        for (TextMessage message; (message = (TextMessage) broker.receive(QUEUE, Duration.ofMillis(200))) != null; ) {
            texts.add(message.getText());
        }
        return texts;
    }
}
