package io.sluice.edge;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import io.sluice.sms.text.MoGroup;
import io.sluice.sms.text.SmsEncoding;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import org.springframework.jms.core.JmsTemplate;

/**
 * Keeps the parts of incomplete MO messages durable in the edge broker's queue
 * {@code sluice.mo.parts.<carrier>} (ADR 0007). The template is transacted on the site's route
 * connection factory, so a write or a removal made inside the {@code edgeTransaction} commits with the
 * rest of the deliver_sm handling — before camel-smpp answers {@code deliver_sm_resp}.
 */
public final class MoPartStore {

    /** Property naming a part's message, for the selector that removes its parts. */
    static final String GROUP = "mo_group";
    private static final String ORIGINATOR = "originator";
    private static final String REFERENCE = "reference";
    private static final String TOTAL = "total";
    private static final String SIXTEEN_BIT = "sixteen_bit_reference";
    private static final String RECIPIENT = "recipient";
    private static final String DATA_CODING = "data_coding";

    private final JmsTemplate jms;
    private final String queue;

    /** @param jms a template on the site's route connection factory, with {@code sessionTransacted} set */
    public MoPartStore(JmsTemplate jms, String carrier) {
        this.jms = jms;
        this.queue = queueOf(carrier);
        // Removal takes what is there now; it must not wait for parts that will never come.
        this.jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
    }

    public static String queueOf(String carrier) {
        return "sluice.mo.parts." + carrier;
    }

    public String queue() {
        return queue;
    }

    public void save(MoPart part) {
        jms.send(queue, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(part.shortMessage());
            MoGroup group = part.group();
            message.setStringProperty(GROUP, group.id());
            message.setStringProperty(ORIGINATOR, group.originator());
            message.setIntProperty(REFERENCE, group.reference());
            message.setIntProperty(TOTAL, group.total());
            message.setBooleanProperty(SIXTEEN_BIT, group.sixteenBitReference());
            message.setStringProperty(RECIPIENT, part.recipient());
            message.setIntProperty(DATA_CODING, part.encoding().dataCoding());
            return message;
        });
    }

    /** Consumes every stored part of a message; returns how many there were. */
    public int remove(MoGroup group) {
        String selector = GROUP + " = '" + group.id().replace("'", "''") + "'";
        int removed = 0;
        while (jms.receiveSelected(queue, selector) != null) {
            removed++;
        }
        return removed;
    }

    /** Every stored part, oldest first, as last committed. */
    public List<MoPart> load() {
        List<MoPart> parts = new ArrayList<>();
        jms.browse(queue, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                parts.add(partOf((BytesMessage) messages.nextElement()));
            }
            return null;
        });
        return parts;
    }

    private static MoPart partOf(BytesMessage message) throws JMSException {
        byte[] octets = new byte[(int) message.getBodyLength()];
        message.readBytes(octets);
        MoGroup group = new MoGroup(message.getStringProperty(ORIGINATOR), message.getIntProperty(REFERENCE),
                message.getIntProperty(TOTAL), message.getBooleanProperty(SIXTEEN_BIT));
        SmsEncoding encoding = SmsEncoding.fromDataCoding(message.getIntProperty(DATA_CODING))
                .orElseThrow(() -> new IllegalStateException("stored MO part with an unknown data coding"));
        return new MoPart(group, message.getStringProperty(RECIPIENT), encoding, octets);
    }
}
