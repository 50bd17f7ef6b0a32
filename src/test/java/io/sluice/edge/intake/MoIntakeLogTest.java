package io.sluice.edge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.broker.CamelJms;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.edge.MoIntake;
import io.sluice.edge.OneAtATimeTransactionPolicy;
import io.sluice.link.Outgoing;
import io.sluice.sms.smpp.SmppStatus;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.jms.core.BrowserCallback;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The MO intake log with its mover and the real route {@code mo-intake-move} on a real broker (ADR 0038):
 * every record appended is moved once and in order, across restarts, refused moves and a commit whose
 * outcome the mover did not see. The handler stands in for MoIntake: it sends each record's text to a
 * queue, in the move's transaction.
 */
class MoIntakeLogTest {

    private static final String CARRIER = "alpha";
    private static final String MOVED = "sluice.test.moved";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;
    private final InVmBroker broker = new InVmBroker();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicBoolean commitThenFailOnce = new AtomicBoolean();
    /** Set when the commit fails: the marker's read-back fails too, once, as with a broker in trouble. */
    private final AtomicBoolean alsoFailTheReadBack = new AtomicBoolean();
    private final AtomicBoolean readBackFails = new AtomicBoolean();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker.withLastValueQueue(MovedMarker.queueOf(CARRIER), MovedMarker.KEY).start(MOVED, "sluice.dead");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        broker.close();
    }

    @Test
    void recordsAppendedBeforeARestartAreMovedAfterItOnceAndInOrder() throws Exception {
        MoIntakeLog beforeRestart = log(1000);
        for (int i = 0; i < 30; i++) {
            deliver(beforeRestart, "mo " + i);
        }
        assertThat(beforeRestart.pendingCount()).isEqualTo(30);
        beforeRestart.close(); // nothing moved yet: the edge stopped (or was killed) right after the answers

        MoIntakeLog afterRestart = log(1000);
        assertThat(afterRestart.pendingCount()).isEqualTo(30);
        movingEdge(afterRestart);
        deliver(afterRestart, "mo 30");

        assertThat(movedTexts(31)).containsExactly(expected(0, 31));
        await().atMost(WAIT).until(() -> afterRestart.pendingCount() == 0);
        assertThat(broker.receive(MOVED, Duration.ofMillis(300))).as("nothing moved twice").isNull();
        assertThat(log(1000).pendingCount()).as("the marker covers every record").isZero();
    }

    @Test
    void refusedMovesAreTriedAgainWithNothingSkippedOrRepeated() throws Exception {
        MoIntakeLog log = log(1000);
        refusalsLeft.set(5); // as a full MO ring refuses, until the core has processed some
        for (int i = 0; i < 40; i++) {
            deliver(log, "mo " + i);
        }
        movingEdge(log);

        assertThat(movedTexts(40)).containsExactly(expected(0, 40));
        assertThat(refusalsLeft.get()).isZero();
        assertThat(broker.receive(MOVED, Duration.ofMillis(300))).isNull();
    }

    @Test
    void aMoveThatCommittedThoughItsCommitFailedIsNotMovedAgain() throws Exception {
        MoIntakeLog log = log(1000);
        commitThenFailOnce.set(true);
        for (int i = 0; i < 10; i++) {
            deliver(log, "mo " + i);
        }
        movingEdge(log);

        assertThat(movedTexts(10)).containsExactly(expected(0, 10));
        assertThat(commitThenFailOnce.get()).as("the commit failed after committing").isFalse();
        await().atMost(WAIT).until(() -> log.pendingCount() == 0);
        assertThat(broker.receive(MOVED, Duration.ofMillis(300))).as("the marker said they were moved").isNull();
    }

    @Test
    void whenTheReadBackFailsTooNothingMovesUntilItSucceeds() throws Exception {
        MoIntakeLog log = log(1000);
        commitThenFailOnce.set(true);
        alsoFailTheReadBack.set(true);
        for (int i = 0; i < 10; i++) {
            deliver(log, "mo " + i);
        }
        movingEdge(log);

        assertThat(movedTexts(10)).containsExactly(expected(0, 10));
        await().atMost(WAIT).until(() -> log.pendingCount() == 0);
        assertThat(readBackFails.get()).as("the read-back failed once").isFalse();
        assertThat(broker.receive(MOVED, Duration.ofMillis(1500))).as("not moved a second time").isNull();
    }

    @Test
    void aRecordThatFailsForAFaultOfItsOwnGoesToTheDeadLettersAndHoldsUpNothingBehindIt() throws Exception {
        MoIntakeLog log = log(1000);
        deliver(log, "mo 0");
        deliver(log, "unusable text");
        for (int i = 1; i < 5; i++) {
            deliver(log, "mo " + i);
        }
        movingEdge(log);

        assertThat(movedTexts(5)).containsExactly(expected(0, 5));
        Message dead = broker.receive("sluice.dead", WAIT);
        assertThat(((TextMessage) dead).getText()).isEqualTo("unusable text");
        assertThat(dead.getStringProperty("detail"))
                .isEqualTo("MO_INTAKE_UNUSABLE: IllegalArgumentException: a character GSM 03.38 does not have");
        assertThat(dead.getStringProperty("sender")).isEqualTo("447700900123");
        await().atMost(WAIT).until(() -> log.pendingCount() == 0);
    }

    @Test
    void atItsLimitTheLogAnswersQueueFullAndKeepsNothingOfTheRefusedDelivery() throws Exception {
        MoIntakeLog log = log(2);
        deliver(log, "one");
        deliver(log, "two");

        assertThatThrownBy(() -> deliver(log, "three")).isInstanceOfSatisfying(ProcessRequestException.class,
                refused -> assertThat(refused.getErrorCode()).isEqualTo(SmppStatus.ESME_RMSGQFUL.code()));
        log.close();
        assertThat(log(2).pendingCount()).isEqualTo(2);
    }

    @Test
    void whileTheDiskIsFullDeliveriesAreAnsweredQueueFull() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean(true);
        MoIntakeLog log = track(new MoIntakeLog(directory, marker(), MoIntake.HEADERS_READ, this::handle, 10, diskFull::get));

        assertThatThrownBy(() -> deliver(log, "while full")).isInstanceOfSatisfying(ProcessRequestException.class,
                refused -> assertThat(refused.getErrorCode()).isEqualTo(SmppStatus.ESME_RMSGQFUL.code()));
        diskFull.set(false);
        deliver(log, "after");
        assertThat(log.pendingCount()).isEqualTo(1);
    }

    private MoIntakeLog log(int maxPending) throws Exception {
        return track(new MoIntakeLog(directory, marker(), MoIntake.HEADERS_READ, this::handle, maxPending, () -> false));
    }

    private MovedMarker marker() {
        JmsTemplate jms = new JmsTemplate(broker.connectionFactory()) {
            @Override
            public <T> T browse(String queue, BrowserCallback<T> action) {
                if (readBackFails.compareAndSet(true, false)) {
                    throw new UncategorizedJmsException("the broker does not answer");
                }
                return super.browse(queue, action);
            }
        };
        return new MovedMarker(jms, CARRIER);
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** MoIntake's stand-in: the record's text to a queue, or refused as a full ring would be. */
    private List<org.apache.camel.Message> handle(org.apache.camel.Exchange exchange) throws ProcessRequestException {
        if (exchange.getMessage().getBody(String.class).startsWith("unusable")) {
            throw new IllegalArgumentException("a character GSM 03.38 does not have");
        }
        if (refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProcessRequestException("ring full", SmppStatus.ESME_RMSGQFUL.code());
        }
        if (commitThenFailOnce.compareAndSet(true, false)) {
            // committed, but the mover is told it failed: what a commit whose answer was lost looks like
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    readBackFails.set(alsoFailTheReadBack.get());
                    throw new TransactionSystemException("the broker's answer to the commit was lost");
                }
            });
        }
        Outgoing out = new Outgoing(exchange.getContext());
        out.to(MOVED, exchange.getMessage().getBody(String.class))
                .setHeader("from", exchange.getMessage().getHeader(SmppConstants.SOURCE_ADDR));
        return out.messages();
    }

    /** A Camel context with route mo-intake-move and the log's mover, as EdgeSite wires them. */
    private void movingEdge(MoIntakeLog log) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        SessionReusingTransactionManager manager = new SessionReusingTransactionManager(broker.connectionFactory());
        camel.getRegistry().bind("jms", CamelJms.component(broker.connectionFactory()));
        camel.getRegistry().bind("edgeTransaction", new OneAtATimeTransactionPolicy(manager));
        camel.getRegistry().bind("moIntakeLog", log);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "file:routes/edge/mo-intake-move.camel.yaml"));
        MoIntakeMover.attachedTo(camel, log);
        track(manager::destroy);
        track(camel::stop); // closed before the log, in reverse order
        camel.start();
    }

    private static void deliver(MoIntakeLog log, String text) throws ProcessRequestException {
        DefaultExchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(text);
        exchange.getMessage().setHeader(SmppConstants.MESSAGE_TYPE, "DeliverSm");
        exchange.getMessage().setHeader(SmppConstants.SOURCE_ADDR, "447700900123");
        exchange.getMessage().setHeader("SomethingElse", "not kept");
        log.append(exchange);
    }

    private List<String> movedTexts(int count) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message moved = broker.receive(MOVED, WAIT);
            assertThat(moved).as("moved message %d of %d", i + 1, count).isNotNull();
            assertThat(moved.getStringProperty("from")).isEqualTo("447700900123");
            texts.add(((TextMessage) moved).getText());
        }
        return texts;
    }

    private static String[] expected(int from, int to) {
        String[] texts = new String[to - from];
        for (int i = from; i < to; i++) {
            texts[i - from] = "mo " + i;
        }
        return texts;
    }
}
