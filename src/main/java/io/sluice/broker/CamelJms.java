package io.sluice.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;

/** The Camel {@code jms} component bound to a site's own broker. */
public final class CamelJms {

    private static final long RECOVERY_INTERVAL_MS = 500;

    private CamelJms() {
    }

    public static JmsComponent component(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.getConfiguration().setDeliveryPersistent(true);
        // A listener whose session broke retries after this long (Spring's default is 5 s).
        jms.getConfiguration().setRecoveryInterval(RECOVERY_INTERVAL_MS);
        return jms;
    }
}
