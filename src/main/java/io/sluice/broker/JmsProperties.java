package io.sluice.broker;

import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.camel.component.jms.JmsConstants;

/**
 * Headers written as JMS properties the way a route's {@code to: jms:} writes them, for the few
 * places that send on a session of their own (the edge's MT bookkeeper and its feed rebuild, ADR 0021).
 * Sluice's header names are plain identifiers, which Camel's key format leaves as they are.
 */
public final class JmsProperties {

    private JmsProperties() {
    }

    /** Every header with a value, except Camel's destination header, which names the queue instead. */
    public static void copy(Map<String, Object> headers, Message target) throws JMSException {
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            if (header.getValue() != null && !JmsConstants.JMS_DESTINATION_NAME.equals(header.getKey())) {
                target.setObjectProperty(header.getKey(), header.getValue());
            }
        }
    }
}
