package io.sluice.edge;

import java.util.Enumeration;

import io.sluice.link.Outgoing;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;

/**
 * The {@link ReceiptCorrelator}'s memory kept on disk, so a delivery receipt for a message submitted before
 * an edge restart still finds its sender (ADR 0029). One record per submitted message on the durable
 * queue {@code sluice.correlations.<carrier>}, an Artemis ring queue holding as many records as the
 * correlator holds entries: the oldest go first, on disk as in memory.
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

    /** Reads every record into {@code correlator}, oldest first; returns how many it read. */
    public int loadInto(ReceiptCorrelator correlator) {
        int[] loaded = {0};
        jms.browse(queue, (session, browser) -> {
            Enumeration<?> records = browser.getEnumeration();
            while (records.hasMoreElements()) {
                apply((Message) records.nextElement(), correlator);
                loaded[0]++;
            }
            return null;
        });
        return loaded[0];
    }

    private static void apply(Message record, ReceiptCorrelator correlator) throws JMSException {
        String smscId = record.getStringProperty(SMSC_ID);
        if (record.propertyExists(TAKEN) && record.getBooleanProperty(TAKEN)) {
            correlator.dropOldest(smscId);
        } else {
            correlator.remember(smscId, new ReceiptCorrelator.Submitted(record.getStringProperty(MESSAGE_ID),
                    record.getStringProperty(SENDER), record.getStringProperty(CLIENT_REF)));
        }
    }
}
