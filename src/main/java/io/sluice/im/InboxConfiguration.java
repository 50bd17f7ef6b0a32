package io.sluice.im;

import java.time.Clock;

import io.sluice.core.InboxChatExpiry;
import io.sluice.core.InboxDeliveries;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The core's inboxes beyond storage: chat messages expire after {@code sluice.core.inbox.expiry} and
 * their senders are told; senders are told "delivered" when the recipient's client takes a message.
 * The two broker plugins are picked up by the core's broker at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
@Profile("core")
public class InboxConfiguration {

    @Bean
    InboxChatExpiry inboxChatExpiry(InboxProperties inbox) {
        return new InboxChatExpiry(inbox.expiry(), Clock.systemUTC());
    }

    @Bean
    InboxDeliveries inboxDeliveries() {
        return new InboxDeliveries();
    }

    @Bean(destroyMethod = "close")
    BackgroundSender noticeSender(ActiveMQConnectionFactory coreConnectionFactory) {
        return new BackgroundSender(coreConnectionFactory, "notices");
    }

    @Bean
    DeliveryStatuses deliveryStatuses(BackgroundSender noticeSender, InboxDeliveries deliveries) {
        DeliveryStatuses statuses = new DeliveryStatuses(noticeSender);
        deliveries.onDelivery(statuses::delivered);
        return statuses;
    }

    @Bean
    ExpiredMessages expiredMessages(InboxProperties inbox) {
        return new ExpiredMessages(inbox.expiry());
    }
}
