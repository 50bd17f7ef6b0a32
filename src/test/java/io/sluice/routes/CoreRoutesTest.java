package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.jms.JMSException;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.sluice.carrier.CarrierRouter;
import io.sluice.im.ChatDispatcher;
import io.sluice.im.ConversationLinks;
import io.sluice.im.EdgeEventRelay;
import io.sluice.im.MoRouter;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's routes, loaded from the real YAML files in routes/core, against a real in-VM broker. */
class CoreRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<String> USERS = Set.of("alice", "bob");
    private static InVmBroker broker;

    @TempDir
    static Path data;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new InVmBroker().start("sluice.outbox", "sluice.mo", "sluice.events", "sluice.mt.alpha",
                "sluice.inbox.alice", "sluice.inbox.bob", "sluice.mo.unroutable", "sluice.dead");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConversationLinks links = new ConversationLinks(data.resolve("links-" + System.nanoTime() + ".properties"));
        CarrierRouter carriers = new CarrierRouter(Map.of("alpha", List.of("+44"), "beta", List.of("+4477")));
        context.getRegistry().bind("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        context.getRegistry().bind("chatDispatcher", new ChatDispatcher(USERS, carriers, links, "7777", 20));
        context.getRegistry().bind("moRouter", new MoRouter(USERS, links, "7777"));
        context.getRegistry().bind("edgeEventRelay", new EdgeEventRelay(USERS));
        for (String flow : List.of("chat-dispatch", "mo-ingest", "edge-events")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/core/" + flow + ".camel.yaml"));
        }
        return context;
    }

    @Test
    void chatToAUserLandsInTheirInboxAndTheSenderIsToldDelivered() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "bob", "client_ref", "r1", "from", "mallory"), "hi bob");

        Message chat = broker.receive("sluice.inbox.bob", WAIT);
        assertThat(text(chat)).isEqualTo("hi bob");
        assertThat(chat.getStringProperty("from")).isEqualTo("alice");
        assertThat(chat.getStringProperty("type")).isEqualTo("chat");
        Message status = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(status.getStringProperty("status")).isEqualTo("delivered");
        assertThat(status.getStringProperty("client_ref")).isEqualTo("r1");
        assertThat(status.getStringProperty("sluice_id")).isEqualTo(chat.getStringProperty("sluice_id"));
    }

    @Test
    void chatToAPhoneGoesToTheLongestPrefixCarrierWithTheSenderNamed() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "+441632960001", "client_ref", "r2"), "hello");

        Message mt = broker.receive("sluice.mt.alpha", WAIT);
        assertThat(text(mt)).isEqualTo("alice: hello");
        assertThat(mt.getStringProperty("to")).isEqualTo("+441632960001");
        assertThat(mt.getStringProperty("sender")).isEqualTo("alice");
        assertThat(mt.getStringProperty("source_address")).isEqualTo("7777");
        assertThat(mt.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(mt.getStringProperty("sluice_id"));
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("accepted");

        broker.send("sluice.outbox", "alice", Map.of("to", "+447700900001", "client_ref", "r3"), "to beta");
        assertThat(broker.receive("sluice.mt.beta", WAIT)).isNotNull();
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("accepted");
    }

    @Test
    void badInputIsAnsweredWithAFailedStatusNamingTheReason() throws Exception {
        Map<String, String> cases = Map.of(
                "NO_RECIPIENT", "",
                "INVALID_NUMBER", "+12",
                "INVALID_RECIPIENT", "Not A User!",
                "UNKNOWN_USER", "zed",
                "NO_CARRIER", "+15550100");
        for (var expected : cases.entrySet()) {
            Map<String, String> headers = expected.getValue().isEmpty()
                    ? Map.of("client_ref", expected.getKey())
                    : Map.of("to", expected.getValue(), "client_ref", expected.getKey());
            broker.send("sluice.outbox", "bob", headers, "text");
            Message status = broker.receive("sluice.inbox.bob", WAIT);
            assertThat(status.getStringProperty("status")).as(expected.getKey()).isEqualTo("failed");
            assertThat(status.getStringProperty("reason")).isEqualTo(expected.getKey());
            assertThat(status.getStringProperty("client_ref")).isEqualTo(expected.getKey());
        }
        broker.send("sluice.outbox", "bob", Map.of("to", "alice", "client_ref", "long"), "x".repeat(21));
        assertThat(broker.receive("sluice.inbox.bob", WAIT).getStringProperty("reason")).isEqualTo("TOO_LONG");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(200))).isNull();
    }

    @Test
    void anMoAddressedToAUserReachesTheirInboxAndLinksTheConversation() throws Exception {
        broker.send("sluice.mo", "edge-alpha",
                Map.of("from", "+441632960099", "carrier", "alpha", "sluice_id", "mo-1"), "@bob hi there");
        Message chat = broker.receive("sluice.inbox.bob", WAIT);
        assertThat(text(chat)).isEqualTo("hi there");
        assertThat(chat.getStringProperty("from")).isEqualTo("+441632960099");

        broker.send("sluice.mo", "edge-alpha",
                Map.of("from", "+441632960099", "carrier", "alpha", "sluice_id", "mo-2"), "and more");
        assertThat(text(broker.receive("sluice.inbox.bob", WAIT))).isEqualTo("and more");
    }

    @Test
    void anMoWithoutCarrierIsKeptAsUnroutable() throws Exception {
        broker.send("sluice.mo", "edge-alpha", Map.of("from", "+441632960098", "sluice_id", "mo-3"), "@alice where from?");
        Message kept = broker.receive("sluice.mo.unroutable", WAIT);
        assertThat(text(kept)).isEqualTo("@alice where from?");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(200))).isNull();
    }

    @Test
    void anMoWithoutConversationIsKeptAndThePhoneGetsAHowToReply() throws Exception {
        broker.send("sluice.mo", "edge-alpha",
                Map.of("from", "+441632960097", "carrier", "alpha", "sluice_id", "mo-4"), "hello?");
        assertThat(text(broker.receive("sluice.mo.unroutable", WAIT))).isEqualTo("hello?");
        Message reply = broker.receive("sluice.mt.alpha", WAIT);
        assertThat(reply.getStringProperty("to")).isEqualTo("+441632960097");
        assertThat(text(reply)).contains("@name");
    }

    @Test
    void anEdgeEventBecomesAStatusForTheSender() throws Exception {
        broker.send("sluice.events", "edge-alpha", Map.of("carrier", "alpha", "sender", "alice", "status", "submitted",
                "sluice_id", "m-1", "client_ref", "r9", "detail", "Accepted by the SMSC as 42."), "x");
        Message status = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(status.getStringProperty("status")).isEqualTo("submitted");
        assertThat(status.getStringProperty("client_ref")).isEqualTo("r9");

        broker.send("sluice.events", "edge-alpha", Map.of("carrier", "alpha", "sender", "alice", "status", "bogus"), "x");
        assertThat(broker.receive("sluice.dead", WAIT).getStringProperty("detail")).contains("bogus");
    }

    private static String text(Message message) throws JMSException {
        assertThat(message).as("a message arrived").isNotNull();
        return ((TextMessage) message).getText();
    }
}
