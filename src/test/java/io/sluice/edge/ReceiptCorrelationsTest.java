package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sluice.broker.JmsProperties;
import io.sluice.link.Outgoing;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;

/**
 * The receipt correlations on disk (ADR 0029), against a real broker with the edge's ring queue: what a
 * restarted edge reads back is what memory held, oldest first, bounded like memory, and a CIMD2 report
 * that took its message does not hand it to the next report after the restart.
 */
class ReceiptCorrelationsTest {

    private static final int RING_SIZE = 3;
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static InVmBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new InVmBroker()
                .withRingQueue(ReceiptCorrelations.queueOf("alpha"), RING_SIZE)
                .withRingQueue(ReceiptCorrelations.queueOf("beta"), RING_SIZE)
                .withRingQueue(ReceiptCorrelations.queueOf("gamma"), RING_SIZE)
                .withRingQueue(ReceiptCorrelations.queueOf("delta"), RING_SIZE)
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void aRestartedEdgeKnowsWhatEachSmscIdStandsFor() throws Exception {
        commitAsTheBookkeeperDoes("alpha", Map.of("smsc-1", submitted(1), "smsc-2", submitted(2)));

        ReceiptCorrelator afterRestart = new ReceiptCorrelator(100);
        assertThat(correlations("alpha").loadInto(afterRestart)).isEqualTo(2);

        assertThat(afterRestart.lookup("smsc-1", Duration.ZERO)).contains(submitted(1));
        assertThat(afterRestart.lookup("smsc-2", Duration.ZERO)).contains(submitted(2));
        assertThat(afterRestart.lookup("smsc-3", Duration.ZERO)).isEmpty();
    }

    @Test
    void theDiskKeepsAsManyAsMemoryTheOldestGoFirst() throws Exception {
        for (int i = 1; i <= RING_SIZE + 2; i++) {
            commitAsTheBookkeeperDoes("beta", Map.of("smsc-" + i, submitted(i)));
        }

        ReceiptCorrelator afterRestart = new ReceiptCorrelator(RING_SIZE);
        assertThat(correlations("beta").loadInto(afterRestart)).isEqualTo(RING_SIZE);

        assertThat(afterRestart.lookup("smsc-1", Duration.ZERO)).isEmpty();
        assertThat(afterRestart.lookup("smsc-2", Duration.ZERO)).isEmpty();
        assertThat(afterRestart.lookup("smsc-5", Duration.ZERO)).contains(submitted(5));
    }

    @Test
    void aCimd2ReportThatTookItsMessageBeforeARestartDoesNotTakeItAgain() throws Exception {
        // CIMD2: two messages to one number within a second share the id (destination and time stamp)
        String shared = "+447700900001/261127120000";
        commitAsTheBookkeeperDoes("gamma", Map.of(shared, submitted(1)));
        commitAsTheBookkeeperDoes("gamma", Map.of(shared, submitted(2)));
        ReceiptCorrelations correlations = correlations("gamma");
        Exchange report = new DefaultExchange(CAMEL);
        report.getMessage().setHeader(ReceiptCorrelations.TAKEN_HEADER, shared);
        correlations.takenBy(report); // the route's transaction commits it (the template is transacted)

        assertThat(report.getMessage().getHeaders()).as("nothing of it goes on to the core")
                .doesNotContainKey(ReceiptCorrelations.TAKEN_HEADER);
        ReceiptCorrelator afterRestart = new ReceiptCorrelator(100);
        correlations.loadInto(afterRestart);
        assertThat(afterRestart.take(shared, Duration.ZERO)).contains(submitted(2));
        assertThat(afterRestart.take(shared, Duration.ZERO)).isEmpty();
    }

    @Test
    void aMarkerOnDiskBeforeTheRecordItTookIsOwedToThatRecord() throws Exception {
        // memory has the entry at once; the report can commit its marker before the bookkeeper commits the record
        String shared = "+447700900002/261127120000";
        ReceiptCorrelations correlations = correlations("delta");
        Exchange report = new DefaultExchange(CAMEL);
        report.getMessage().setHeader(ReceiptCorrelations.TAKEN_HEADER, shared);
        correlations.takenBy(report);
        commitAsTheBookkeeperDoes("delta", Map.of(shared, submitted(1)));
        commitAsTheBookkeeperDoes("delta", Map.of(shared, submitted(2)));

        ReceiptCorrelator afterRestart = new ReceiptCorrelator(100);
        correlations.loadInto(afterRestart);

        assertThat(afterRestart.take(shared, Duration.ZERO)).as("the first was taken before the restart").contains(submitted(2));
        assertThat(afterRestart.take(shared, Duration.ZERO)).isEmpty();
    }

    private static ReceiptCorrelator.Submitted submitted(int n) {
        return new ReceiptCorrelator.Submitted("m" + n, "alice", "ref-" + n);
    }

    private static ReceiptCorrelations correlations(String carrier) {
        JmsTemplate jms = new JmsTemplate(broker.connectionFactory());
        jms.setSessionTransacted(true);
        return new ReceiptCorrelations(jms, carrier);
    }

    /** The records as {@code EdgeLinkEnd.submitted} makes them, sent and committed as {@code MtOutcomes} sends outcomes. */
    private static void commitAsTheBookkeeperDoes(String carrier, Map<String, ReceiptCorrelator.Submitted> records)
            throws Exception {
        Outgoing out = new Outgoing(CAMEL);
        records.forEach((smscId, submitted) -> ReceiptCorrelations.record(out, carrier, smscId, submitted));
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(null);
            List<Message> messages = out.messages();
            for (Message record : messages) {
                TextMessage message = session.createTextMessage(record.getBody(String.class));
                JmsProperties.copy(record.getHeaders(), message);
                producer.send(session.createQueue(record.getHeader(JmsConstants.JMS_DESTINATION_NAME, String.class)),
                        message);
            }
            session.commit();
        }
    }
}
