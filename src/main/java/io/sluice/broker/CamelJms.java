package io.sluice.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;

/** The Camel {@code jms} component bound to a site's own broker. */
public final class CamelJms {

    private CamelJms() {
    }

    public static JmsComponent component(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setDeliveryPersistent(true);
        return jms;
    }
}
