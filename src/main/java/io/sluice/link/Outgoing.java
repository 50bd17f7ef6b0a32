package io.sluice.link;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * The messages one link step produces (a delivery, a report, a status...), each addressed to its
 * queue. A bean returns them as the body; the route splits them and sends each with {@code to jms:}
 * — inside the route's transaction, so they commit with the ring record.
 */
public final class Outgoing {

    private final CamelContext context;
    private final List<Message> messages = new ArrayList<>();

    public Outgoing(CamelContext context) {
        this.context = context;
    }

    /** A new message for {@code queue}; set its headers on the returned message. */
    public Message to(String queue, String body) {
        Message message = new DefaultMessage(context);
        message.setHeader(JmsConstants.JMS_DESTINATION_NAME, queue);
        message.setBody(body);
        messages.add(message);
        return message;
    }

    public List<Message> messages() {
        return messages;
    }
}
