package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Message;
import io.sluice.edge.EdgeEvents;
import io.sluice.edge.MoIntake;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.edge.SmscSubmit;
import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.util.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's SMSC routes (smsc-submit, smsc-errors, smsc-receive from routes/edge) against a real
 * in-VM broker and the SMSC emulator over TCP: stop-and-wait, acknowledgement after the response,
 * refusals reported, rebinding after the SMSC went away.
 */
class EdgeSubmitRouteTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static InVmBroker broker;
    private static SmscEmulator smsc;

    @BeforeAll
    static void start() throws Exception {
        broker = new InVmBroker().start("sluice.mt.alpha", "sluice.events", "sluice.mo", "sluice.dead");
        smsc = new SmscEmulator(TestProperties.emulator("handshake-time=2ms", "receipt-delay=10ms"), Clock.systemUTC());
        smsc.start();
    }

    @AfterAll
    static void stop() throws Exception {
        smsc.close();
        broker.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("sluice.edge.carrier", "alpha");
        properties.put("sluice.edge.smsc.host", "127.0.0.1");
        properties.put("sluice.edge.smsc.port", String.valueOf(smsc.smppPort()));
        properties.put("sluice.edge.smsc.system-id", "sluice");
        properties.put("sluice.edge.smsc.password", "secret");
        properties.put("sluice.edge.smsc.system-type", "");
        properties.put("sluice.edge.smsc.enquire-link-interval", "30000");
        properties.put("sluice.edge.smsc.response-timeout", "5000");
        properties.put("sluice.edge.smsc.reconnect-delay", "200");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ReceiptCorrelator receipts = new ReceiptCorrelator(1000);
        context.getRegistry().bind("jms", JmsComponent.jmsComponent(
                new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://0?consumerWindowSize=0")));
        context.getRegistry().bind("smscSubmit", new SmscSubmit(true));
        context.getRegistry().bind("edgeEvents", new EdgeEvents("alpha", receipts));
        context.getRegistry().bind("moIntake", new MoIntake("alpha"));
        for (String flow : List.of("smsc-errors", "smsc-receive", "smsc-submit")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/edge/" + flow + ".camel.yaml"));
        }
        return context;
    }

    @Test
    void submitsGoOneAtATimeInOrderAndEachIsReportedSubmitted() throws Exception {
        String phone = "+447700900401";
        int count = 30;
        long violationsBefore = smsc.stats().violations();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("smsc-submit").whenDone(count).create();
        for (int i = 0; i < count; i++) {
            sendMt(phone, "m" + i, "text " + i);
        }

        assertThat(done.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        List<ReceivedMessage> received = smsc.handset(phone).messages();
        assertThat(received).extracting(ReceivedMessage::text)
                .containsExactlyElementsOf(numbered("text ", count));
        assertThat(received).extracting(ReceivedMessage::from).containsOnly("7777");
        assertThat(smsc.stats().violations()).isEqualTo(violationsBefore);
        assertThat(broker.receive("sluice.mt.alpha", Duration.ofMillis(100))).as("all acknowledged").isNull();
        assertThat(submittedIds(count)).containsExactlyElementsOf(numbered("m", count));
    }

    @Test
    void aRefusalForGoodIsReportedFailedAndTheNextMessageProceeds() throws Exception {
        String phone = "+447700900402";
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("smsc-submit").whenDone(2).create();
        sendMt(phone, "bad", "#REJECT this");
        sendMt(phone, "good", "after the refusal");

        assertThat(done.matches(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Message failed = nextEvent("failed", "bad");
        assertThat(failed.getStringProperty("sluice_id")).isEqualTo("bad");
        assertThat(failed.getStringProperty("reason")).isEqualTo("SMSC_REJECTED");
        assertThat(failed.getStringProperty("detail")).contains("ESME_RINVDSTADR");
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("after the refusal");
        assertThat(broker.receive("sluice.mt.alpha", Duration.ofMillis(100))).isNull();
    }

    @Test
    void aMessageWaitsWhileTheSmscIsDownAndGoesOutOnceItIsBack() throws Exception {
        String phone = "+447700900403";
        int port = smsc.smppPort();
        smsc.close();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("smsc-submit").whenDone(1).create();
        sendMt(phone, "waiting", "sent while the SMSC was down");

        assertThat(done.matches(1, TimeUnit.SECONDS)).as("nothing can complete without an SMSC").isFalse();
        smsc = new SmscEmulator(TestProperties.emulator("smpp-port=" + port, "handshake-time=2ms"), Clock.systemUTC());
        smsc.start();

        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text)
                .containsExactly("sent while the SMSC was down");
    }

    private static void sendMt(String phone, String id, String text) throws Exception {
        broker.send("sluice.mt.alpha", "sluice-system", Map.of("to", phone, "sender", "alice", "source_address", "7777",
                "sluice_id", id, "client_ref", "ref-" + id), text);
    }

    private static List<String> submittedIds(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            ids.add(nextEvent("submitted", "m").getStringProperty("sluice_id"));
        }
        return ids;
    }

    /** The next event with this status about a message whose id starts so (other tests' events are skipped). */
    private static Message nextEvent(String status, String idPrefix) throws Exception {
        for (Message event = broker.receive("sluice.events", WAIT); event != null;
             event = broker.receive("sluice.events", WAIT)) {
            String id = event.getStringProperty("sluice_id");
            if (status.equals(event.getStringProperty("status")) && id != null && id.startsWith(idPrefix)) {
                return event;
            }
        }
        throw new AssertionError("no " + status + " event within " + WAIT);
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(prefix + i);
        }
        return all;
    }
}
