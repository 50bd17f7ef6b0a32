package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.sluice.broker.CamelJms;
import io.sluice.carrier.CarrierRouter;
import io.sluice.core.InboxChatExpiry;
import io.sluice.core.InboxDeliveries;
import io.sluice.im.BackgroundSender;
import io.sluice.im.ChatDispatcher;
import io.sluice.im.ConversationLinks;
import io.sluice.im.DeliveryStatuses;
import io.sluice.im.ExpiredMessages;
import io.sluice.testsupport.FixedUsers;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inboxes (routes chat-dispatch and inbox-expiry, with the core's inbox broker plugins) on a real
 * in-VM broker: a chat message waits for its recipient, the sender hears "delivered" when the
 * recipient's client takes it, and "failed: EXPIRED" when nobody did in time — never silence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Short, so that a test sees a message expire; the waits above are far longer. */
    private static final Duration EXPIRY = Duration.ofMillis(500);
    private static final FixedUsers USERS = FixedUsers.of("alice", "bob", "carol");
    private static InVmBroker broker;
    private static ActiveMQConnectionFactory connectionFactory;
    private static BackgroundSender notices;

    @TempDir
    static Path data;

    private static synchronized void startBroker() throws Exception {
        if (broker != null) {
            return;
        }
        InboxDeliveries deliveries = new InboxDeliveries();
        broker = new InVmBroker()
                .withPlugin(new InboxChatExpiry(EXPIRY, Clock.systemUTC()))
                .withPlugin(deliveries)
                .start("sluice.outbox", "sluice.inbox.alice", "sluice.inbox.bob", "sluice.inbox.carol",
                        "sluice.mt.alpha", "sluice.expired", "sluice.dead");
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
        notices = new BackgroundSender(connectionFactory, "notices");
        deliveries.onDelivery(new DeliveryStatuses(notices)::delivered);
    }

    @AfterAll
    void stopBroker() throws Exception {
        // CamelTestSupport never stops a PER_CLASS context (only one made with createCamelContextPerClass):
        // left running, its SMPP producer and JMS listeners retried for the rest of the test JVM
        context().stop();
        notices.close();
        connectionFactory.close();
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        startBroker();
        CamelContext context = super.createCamelContext();
        ConversationLinks links = new ConversationLinks(data.resolve("links.properties"));
        context.getRegistry().bind("jms", CamelJms.component(connectionFactory));
        ChatDispatcher dispatcher = new ChatDispatcher(USERS, new CarrierRouter(Map.of("alpha", List.of("+44"))), links, 1600);
        context.getRegistry().bind("chatDispatcher", dispatcher);
        context.getRegistry().bind("chatDispatchBatches", dispatcher.tokensBackOnRollback());
        context.getRegistry().bind("expiredMessages", new ExpiredMessages(EXPIRY));
        for (String flow : List.of("chat-dispatch", "inbox-expiry")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/core/" + flow + ".camel.yaml"));
        }
        return context;
    }

    @Test
    void theSenderHearsAcceptedThenDeliveredWhenTheRecipientTakesTheMessage() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "bob", "client_ref", "d1"), "are you there?");
        Message accepted = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(accepted.getStringProperty("status")).isEqualTo("accepted");
        assertThat(accepted.getStringProperty("client_ref")).isEqualTo("d1");

        Message chat = broker.receive("sluice.inbox.bob", WAIT); // bob's client takes it
        assertThat(((TextMessage) chat).getText()).isEqualTo("are you there?");
        Message delivered = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(delivered.getStringProperty("status")).isEqualTo("delivered");
        assertThat(delivered.getStringProperty("client_ref")).isEqualTo("d1");
        assertThat(delivered.getStringProperty("sluice_id")).isEqualTo(chat.getStringProperty("sluice_id"));
    }

    @Test
    void aMessageNobodyTakesInTimeBecomesAFailedStatusForItsSender() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "carol", "client_ref", "e1"), "carol is away");
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("accepted");

        Message failed = broker.receive("sluice.inbox.alice", WAIT); // no one reads carol's inbox
        assertThat(failed.getStringProperty("status")).isEqualTo("failed");
        assertThat(failed.getStringProperty("reason")).isEqualTo("EXPIRED");
        assertThat(failed.getStringProperty("client_ref")).isEqualTo("e1");
        assertThat(failed.getStringProperty("detail")).isEqualTo("carol did not read it within 500 ms.");
        assertThat(broker.receive("sluice.inbox.carol", Duration.ofMillis(200))).as("gone from the inbox").isNull();
    }

    @Test
    void aPhonesMessageNobodyTakesInTimeIsAnsweredBySms() throws Exception {
        // as route ring-mo-accept leaves an SMS for bob
        broker.sendTyped("sluice.inbox.bob", Map.of("type", "chat", "from", "+447700900123", "to", "bob",
                "sluice_id", "mo-1", "carrier", "alpha"), "hi bob, it is your phone friend");

        Message sms = broker.receive("sluice.mt.alpha", WAIT);
        assertThat(sms.getStringProperty("to")).isEqualTo("+447700900123");
        assertThat(((TextMessage) sms).getText()).startsWith("Sluice: your message to bob was not delivered");
    }

    @Test
    void statusesNeverExpire() throws Exception {
        broker.sendTyped("sluice.inbox.carol", Map.of("type", "status", "status", "processed"), "for later");
        Message status = broker.receive("sluice.inbox.carol", WAIT);
        assertThat(status).isNotNull();
        assertThat(status.getJMSExpiration()).as("no expiry on a status").isZero();
    }
}
