package io.sluice.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/** The Camel {@code jms} component bound to a site's own broker. */
public final class CamelJms {

    private static final long RECOVERY_INTERVAL_MS = 500;

    private CamelJms() {
    }

    public static JmsComponent component(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        configure(jms.getConfiguration());
        return jms;
    }

    private static void configure(JmsConfiguration configuration) {
        configuration.setDeliveryPersistent(true);
        // A transacted route hands its session to everything it calls: the sends of the route and the
        // ring store's writes commit or roll back with the message consumed (ADR 0004).
        configuration.setExposeListenerSession(true);
        // A listener whose session broke retries after this long (Spring's default is 5 s).
        configuration.setRecoveryInterval(RECOVERY_INTERVAL_MS);
    }

    /**
     * Refuses to start when something replaced these settings after the component was built (Camel's
     * Spring Boot starter does, unless its customizer is switched off): the rings would then be
     * written outside the transactions that keep them consistent with the queues.
     */
    public static ApplicationListener<ApplicationStartedEvent> settingsGuard(CamelContext camel) {
        return started -> {
            JmsConfiguration configuration = camel.getComponent("jms", JmsComponent.class).getConfiguration();
            if (!configuration.isExposeListenerSession() || configuration.getRecoveryInterval() != RECOVERY_INTERVAL_MS) {
                throw new IllegalStateException("The jms component lost Sluice's settings (exposeListenerSession="
                        + configuration.isExposeListenerSession() + ", recoveryInterval="
                        + configuration.getRecoveryInterval() + "); keep camel.component.jms.customizer.enabled=false");
            }
        };
    }
}
