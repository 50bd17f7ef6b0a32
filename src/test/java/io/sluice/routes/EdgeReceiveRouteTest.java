package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.sluice.edge.EdgeEvents;
import io.sluice.edge.MoIntake;
import io.sluice.edge.ReceiptCorrelator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's smsc-receive route, loaded from routes/edge, fed exchanges shaped as camel-smpp
 * makes them from deliver_sm: MO texts go to sluice.mo, receipts become events for their sender.
 */
class EdgeReceiveRouteTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static InVmBroker broker;
    private final ReceiptCorrelator receipts = new ReceiptCorrelator(10);

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new InVmBroker().start("sluice.mo", "sluice.events", "sluice.dead");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        context.getRegistry().bind("moIntake", new MoIntake("alpha"));
        context.getRegistry().bind("edgeEvents", new EdgeEvents("alpha", receipts));
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:routes/edge/smsc-receive.camel.yaml"));
        return context;
    }

    @Test
    void aDeliverSmIsStoredAsAnMoForTheCoreBeforeTheRouteReturns() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put(SmppConstants.MESSAGE_TYPE, "DeliverSm");
        headers.put(SmppConstants.SOURCE_ADDR, "447700900123");
        headers.put(SmppConstants.SOURCE_ADDR_TON, (byte) 1);
        headers.put(SmppConstants.DEST_ADDR, "7777");
        template.sendBodyAndHeaders("direct:smsc-receive", "@alice hello", headers);

        // sendBody returned: the route (and so the deliver_sm_resp) is done, the MO must be on the queue
        Message mo = broker.receive("sluice.mo", Duration.ZERO.plusMillis(1));
        assertThat(mo).isNotNull();
        assertThat(((TextMessage) mo).getText()).isEqualTo("@alice hello");
        assertThat(mo.getStringProperty("from")).isEqualTo("+447700900123");
        assertThat(mo.getStringProperty("carrier")).isEqualTo("alpha");
        assertThat(mo.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(mo.getStringProperty("sluice_id"));
    }

    @Test
    void aReceiptBecomesADeliveredEventForTheOriginalSender() throws Exception {
        receipts.remember("smsc-7", new ReceiptCorrelator.Submitted("m-7", "alice", "ref-7"));
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                SmppConstants.MESSAGE_TYPE, "DeliveryReceipt",
                SmppConstants.ID, "smsc-7",
                SmppConstants.FINAL_STATUS, DeliveryReceiptState.DELIVRD));

        Message event = broker.receive("sluice.events", WAIT);
        assertThat(event.getStringProperty("status")).isEqualTo("delivered");
        assertThat(event.getStringProperty("sender")).isEqualTo("alice");
        assertThat(event.getStringProperty("client_ref")).isEqualTo("ref-7");
        assertThat(event.getStringProperty("sluice_id")).isEqualTo("m-7");
    }

    @Test
    void anUndeliverableReceiptBecomesAFailedEvent() throws Exception {
        receipts.remember("smsc-8", new ReceiptCorrelator.Submitted("m-8", "bob", null));
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                SmppConstants.MESSAGE_TYPE, "DeliveryReceipt",
                SmppConstants.ID, "smsc-8",
                SmppConstants.FINAL_STATUS, DeliveryReceiptState.UNDELIV,
                SmppConstants.ERROR, "001"));

        Message event = broker.receive("sluice.events", WAIT);
        assertThat(event.getStringProperty("status")).isEqualTo("failed");
        assertThat(event.getStringProperty("reason")).isEqualTo("UNDELIVERABLE");
        assertThat(event.getStringProperty("detail")).contains("UNDELIV");
    }

    @Test
    void anUndecodableDeliverSmIsKeptOnTheDeadLetterQueueNotLost() throws Exception {
        template.sendBodyAndHeaders("direct:smsc-receive", "6e6f", Map.of(
                SmppConstants.MESSAGE_TYPE, "Malformed",
                "SluiceDecodeError", "not a receipt",
                SmppConstants.SOURCE_ADDR, "447700900123"));

        Message kept = broker.receive("sluice.dead", WAIT);
        assertThat(((TextMessage) kept).getText()).isEqualTo("6e6f");
        assertThat(kept.getStringProperty("detail")).isEqualTo("MALFORMED_DELIVER_SM: not a receipt");
    }

    @Test
    void submittedRecordsTheSmscIdSoALaterReceiptMatches() throws Exception {
        EdgeEvents events = new EdgeEvents("alpha", receipts);
        var exchange = new org.apache.camel.support.DefaultExchange(context);
        exchange.getMessage().setHeader(SmppConstants.ID, List.of("smsc-9"));
        exchange.getMessage().setHeader("sluice_id", "m-9");
        exchange.getMessage().setHeader("sender", "alice");
        events.submitted(exchange);

        assertThat(exchange.getMessage().getHeader("status")).isEqualTo("submitted");
        assertThat(receipts.lookup("smsc-9", Duration.ZERO)).map(ReceiptCorrelator.Submitted::sluiceId).contains("m-9");
    }
}
