package io.sluice.edge;

import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import io.sluice.link.Outgoing;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;

/**
 * The {@link ReceiptCorrelator}'s memory kept on disk, so a delivery receipt for a message submitted before
 * an edge restart still finds its sender (ADR 0029). One record per submitted message on the durable
 * queue {@code sluice.correlations.<carrier>}, an Artemis ring queue of {@code sluice.edge.receipts-kept-on-disk}
 * records: the oldest go first. Fewer than memory keeps, because the broker holds each record in its heap.
 * <ul>
 * <li>A record is written with the message's outcome, in the bookkeeper's commit ({@code MtOutcomes}), so it
 *     is on disk exactly when the slot is processed. A kill before that commit submits the message again,
 *     and the new submission gets a record of its own.</li>
 * <li>CIMD2 reports <em>take</em> their message (several share an id, ADR 0009): a taken marker is written
 *     in the report's transaction, so a restart does not hand the same message to the next report.</li>
 * <li>At start, before any route runs, the records are read back into memory in the order written.</li>
 * </ul>
 */
public final class ReceiptCorrelations {

    static final String SMSC_ID = "smsc_id";
    static final String MESSAGE_ID = "message_id";
    static final String SENDER = "sender";
    static final String CLIENT_REF = "client_ref";
    static final String TAKEN = "taken";
    /** Exchange header set by {@link EdgeEvents#cimd2Receipt} when a report took its message. */
    public static final String TAKEN_HEADER = "SluiceCorrelationTaken";

    private final JmsTemplate jms;
    private final String queue;

    /** @param jms a template on the site's route connection factory, with {@code sessionTransacted} set */
    public ReceiptCorrelations(JmsTemplate jms, String carrier) {
        this.jms = jms;
        this.queue = queueOf(carrier);
    }

    public static String queueOf(String carrier) {
        return "sluice.correlations." + carrier;
    }

    /** The record of a submitted message, one of the outcome's messages for the bookkeeper to commit. */
    public static void record(Outgoing out, String carrier, String smscId, ReceiptCorrelator.Submitted submitted) {
        org.apache.camel.Message record = out.to(queueOf(carrier), "");
        record.setHeader(SMSC_ID, smscId);
        record.setHeader(MESSAGE_ID, submitted.sluiceId());
        record.setHeader(SENDER, submitted.sender());
        record.setHeader(CLIENT_REF, submitted.clientRef());
    }

    /**
     * CIMD2 route {@code smsc-receive}, in its transaction: the marker that the report took the oldest message
     * under its id, if {@link EdgeEvents#cimd2Receipt} said so. The header does not go on to the core.
     */
    public void takenBy(Exchange exchange) {
        String smscId = exchange.getMessage().getHeader(TAKEN_HEADER, String.class);
        exchange.getMessage().removeHeader(TAKEN_HEADER);
        if (smscId != null) {
            jms.send(queue, session -> {
                Message marker = session.createMessage();
                marker.setStringProperty(SMSC_ID, smscId);
                marker.setBooleanProperty(TAKEN, true);
                return marker;
            });
        }
    }

    /**
     * Reads every record into {@code correlator}, oldest first; returns how many it read. A marker can be on
     * disk before the record it took: memory has the entry at once, and a report may come before the
     * bookkeeper commits the record. Such a marker is owed to the next record under its id, which is then
     * not remembered.
     */
    public int loadInto(ReceiptCorrelator correlator) {
        int[] read = {0};
        Map<String, Integer> owed = new HashMap<>();
        jms.browse(queue, (session, browser) -> {
            Enumeration<?> records = browser.getEnumeration();
            while (records.hasMoreElements()) {
                apply((Message) records.nextElement(), correlator, owed);
                read[0]++;
            }
            return null;
        });
        return read[0];
    }

    private static void apply(Message record, ReceiptCorrelator correlator, Map<String, Integer> owed)
            throws JMSException {
        String smscId = record.getStringProperty(SMSC_ID);
        if (record.propertyExists(TAKEN) && record.getBooleanProperty(TAKEN)) {
            if (!correlator.dropOldest(smscId)) {
                owed.merge(smscId, 1, Integer::sum);
            }
        } else if (owed.getOrDefault(smscId, 0) > 0) {
            owed.merge(smscId, -1, Integer::sum);
        } else {
            correlator.remember(smscId, new ReceiptCorrelator.Submitted(record.getStringProperty(MESSAGE_ID),
                    record.getStringProperty(SENDER), record.getStringProperty(CLIENT_REF)));
        }
    }
}
