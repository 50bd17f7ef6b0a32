package io.sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

/** A real broker with a small memory budget on one address: filling it makes the site report PAGING. */
class BrokerPagingHealthIndicatorTest {

    private static final String QUEUE = "sluice.mt.paged";
    private static final int BUDGET_BYTES = 20 * 1024;

    @Test
    void pagingAddressIsReportedAndClearsWhenDrained(@TempDir Path data) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setSecurityEnabled(false);
        configuration.setPersistenceEnabled(true); // paging needs a journal and a paging directory
        configuration.setJournalDirectory(Files.createDirectories(data.resolve("journal")).toString());
        configuration.setBindingsDirectory(Files.createDirectories(data.resolve("bindings")).toString());
        configuration.setPagingDirectory(Files.createDirectories(data.resolve("paging")).toString());
        configuration.setLargeMessagesDirectory(Files.createDirectories(data.resolve("large")).toString());
        configuration.addAcceptorConfiguration("in-vm", "vm://7");
        configuration.addAddressSetting(QUEUE, new AddressSettings().setMaxSizeBytes(BUDGET_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        configuration.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            BrokerPagingHealthIndicator health = new BrokerPagingHealthIndicator(embedded.getActiveMQServer());
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            String kilobyte = "x".repeat(1024);
            for (int i = 0; i < 3 * BUDGET_BYTES / 1024; i++) {
                producer.send(session.createTextMessage(kilobyte));
            }
            assertThat(health.health().getStatus()).isEqualTo(BrokerPagingHealthIndicator.PAGING);
            assertThat(health.health().getDetails().get("pagingAddresses")).asInstanceOf(InstanceOfAssertFactories.MAP).containsOnlyKeys(QUEUE);

            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (consumer.receive(Duration.ofSeconds(5).toMillis()) != null) {
                // drain: the broker leaves paging once the address is empty again
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.UP));
        } finally {
            embedded.stop();
        }
    }
}
