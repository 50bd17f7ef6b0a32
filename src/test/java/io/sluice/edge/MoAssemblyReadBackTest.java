package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import io.sluice.sms.text.Udh;
import io.sluice.testsupport.InVmBroker;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.jms.core.BrowserCallback;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MO reassembler mirrors its store after a rollback even when the store cannot be read back at that
 * moment (Spring only logs what a synchronisation throws): the next transaction reads it back first.
 * Real broker and transactions; no part here completes a message, so no link is needed.
 */
class MoAssemblyReadBackTest {

    private static final String CARRIER = "alpha";
    private static final String PHONE = "+447700900901";

    private final InVmBroker broker = new InVmBroker();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final AtomicBoolean nextReadBackFails = new AtomicBoolean();
    private SessionReusingTransactionManager manager;

    @AfterEach
    void stop() throws Exception {
        manager.destroy();
        broker.close();
    }

    @Test
    void aReadBackThatFailsAfterARollbackIsDoneBeforeTheNextPart() throws Exception {
        broker.start(MoPartStore.queueOf(CARRIER));
        manager = new SessionReusingTransactionManager(broker.connectionFactory());
        TransactionTemplate transaction = new TransactionTemplate(manager);
        MoAssembly assembly = new MoAssembly(new MoPartStore(partsTemplate(), CARRIER), null, Clock.systemUTC(),
                Duration.ofMinutes(1), 10);

        transaction.executeWithoutResult(status -> accept(assembly, firstPartOf(1)));
        assertThat(assembly.pendingCount()).isEqualTo(1);

        nextReadBackFails.set(true);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            accept(assembly, firstPartOf(2));
            throw new IllegalStateException("the route failed after the part");
        })).hasMessage("the route failed after the part");
        assertThat(nextReadBackFails).as("the read-back after the rollback was tried").isFalse();

        transaction.executeWithoutResult(status -> accept(assembly, firstPartOf(3)));
        assertThat(assembly.pendingCount()).as("message 1 from the store, message 3; not the rolled-back 2")
                .isEqualTo(2);
    }

    private JmsTemplate partsTemplate() {
        JmsTemplate parts = new JmsTemplate(broker.connectionFactory()) {
            @Override
            public <T> T browse(String queueName, BrowserCallback<T> action) {
                if (nextReadBackFails.getAndSet(false)) {
                    throw new UncategorizedJmsException("the session broke");
                }
                return super.browse(queueName, action);
            }
        };
        parts.setSessionTransacted(true); // joins the transaction, as on the edge
        return parts;
    }

    private void accept(MoAssembly assembly, MoPart part) {
        try {
            assertThat(assembly.accept(new DefaultExchange(camel), part)).isEmpty();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** The first of two parts of a message with concatenation reference {@code reference}. */
    private static MoPart firstPartOf(int reference) {
        SmsPart first = new SmsSplitter(2, () -> reference).split("Part of a long message. ".repeat(10), reference).get(0);
        byte[] octets = ByteBuffer.allocate(first.udh().length + first.payload().length)
                .put(first.udh()).put(first.payload()).array();
        MoGroup group = MoGroup.of(PHONE, Udh.parse(octets).concatenation().orElseThrow());
        return new MoPart(group, "bob", first.encoding(), octets);
    }
}
