package io.sluice.emulator;

import static io.sluice.emulator.util.TestEsme.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.util.TestProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator against the SMPP client the edge uses: camel-smpp with one transceiver bind
 * ({@code messageReceiverRouteId}), blocking on each submit_sm_resp.
 */
class CamelSmppClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private SmscEmulator emulator;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        emulator = new SmscEmulator(TestProperties.emulator("receipt-delay=0ms"), Clock.systemUTC());
        emulator.start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("smpp://sluice@localhost:" + emulator.smppPort()
                        + "?password=secret&messageReceiverRouteId=receive&registeredDelivery=1"
                        + "&destAddrTon=1&destAddrNpi=1&sourceAddr=7777&sourceAddrTon=0");
                from("direct:receive").routeId("receive").process(received::add);
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        emulator.close();
    }

    @Test
    void stopAndWaitSubmitsAreNoViolationAndEachGetsItsReceipt() {
        for (int i = 0; i < 20; i++) {
            producer.sendBodyAndHeader("direct:submit", "camel " + i, SmppConstants.DEST_ADDR, PHONE.substring(1));
        }

        assertThat(emulator.handset(PHONE).received()).isEqualTo(20);
        assertThat(emulator.stats().violations()).isZero();
        await().atMost(PATIENCE).until(() -> received.size() == 20);
        assertThat(received).allSatisfy(exchange -> assertThat(
                exchange.getMessage().getHeader(SmppConstants.MESSAGE_TYPE)).isEqualTo("DeliveryReceipt"));
        assertThat(received).extracting(exchange -> exchange.getMessage().getHeader(SmppConstants.ID))
                .containsExactlyInAnyOrderElementsOf(emulator.handset(PHONE).messages().stream()
                        .map(ReceivedMessage::messageId).toList());
    }

    @Test
    void moArrivesOnTheTransceiverAsDeliverSm() {
        emulator.originateMo(PHONE, null, "hello camel");

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        Exchange mo = received.get(0);
        assertThat(mo.getMessage().getHeader(SmppConstants.MESSAGE_TYPE)).isEqualTo("DeliverSm");
        assertThat(mo.getMessage().getHeader(SmppConstants.SOURCE_ADDR)).isEqualTo(PHONE.substring(1));
        assertThat(mo.getMessage().getBody(String.class)).isEqualTo("hello camel");
    }
}
