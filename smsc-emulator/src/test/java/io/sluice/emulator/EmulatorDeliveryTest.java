package io.sluice.emulator;

import static io.sluice.emulator.util.TestEsme.PHONE;
import static io.sluice.emulator.util.TestEsme.SERVICE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.handset.SentMessage;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestEsme;
import io.sluice.emulator.util.TestProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import io.sluice.sms.text.MoReassembler;
import io.sluice.sms.text.MoText;
import io.sluice.sms.text.SmsEncoding;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mobile-originated messages through the outbound lanes to a real jsmpp ESME over TCP. */
class EmulatorDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private SmscEmulator emulator;
    private TestEsme esme;

    private void start(String... settings) throws IOException {
        emulator = new SmscEmulator(TestProperties.emulator(settings), Clock.systemUTC());
        emulator.start();
    }

    @AfterEach
    void stop() {
        if (esme != null) {
            esme.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void moReachesTheBoundReceiverFromThePhoneToTheServiceNumber() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX);

        String id = emulator.originateMo(PHONE, null, "hello service");

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 1);
        DeliverSm mo = esme.accepted().get(0);
        assertThat(mo.getSourceAddr()).isEqualTo(PHONE.substring(1));
        assertThat(mo.getSourceAddrTon()).isEqualTo(TypeOfNumber.INTERNATIONAL.value());
        assertThat(mo.getDestAddress()).isEqualTo(SERVICE_NUMBER);
        assertThat(mo.getDataCoding()).isZero();
        assertThat(new String(mo.getShortMessage(), StandardCharsets.ISO_8859_1)).isEqualTo("hello service");
        await().atMost(PATIENCE).until(() -> emulator.stats().moDelivered() == 1);
        assertThat(emulator.stats().moPending()).isZero();
        assertThat(emulator.handset(PHONE).outbox()).extracting(SentMessage::id, SentMessage::status)
                .containsExactly(tuple(id, "delivered"));
    }

    @Test
    void textOutsideTheDefaultCharsetGoesAsUcs2() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TRX);

        emulator.originateMo(PHONE, "+447700900999", "Привет");

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 1);
        DeliverSm mo = esme.accepted().get(0);
        assertThat(mo.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(mo.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Привет");
        assertThat(mo.getDestAddress()).isEqualTo("447700900999");
    }

    @Test
    void aLongMoGoesAsConcatenatedPartsThatJoinAgainInAnyOrder() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX);
        String text = "A long text from a phone, longer than one SMS can carry. ".repeat(6);

        String id = emulator.originateMo(PHONE, null, text, true);

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 3);
        MoReassembler phoneSide = new MoReassembler(Clock.systemUTC(), Duration.ofMinutes(1), 1);
        List<MoText> joined = new java.util.ArrayList<>();
        for (DeliverSm part : esme.accepted()) {
            assertThat(part.getEsmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            assertThat(part.getDataCoding()).isZero();
            joined.addAll(phoneSide.accept(PHONE, SmsEncoding.GSM7, true, part.getShortMessage()));
        }
        assertThat(joined).extracting(MoText::text).containsExactly(text);
        await().atMost(PATIENCE).until(() -> emulator.handset(PHONE).outbox().get(0).status().equals("delivered"));
        assertThat(emulator.handset(PHONE).outbox()).extracting(SentMessage::id).containsExactly(id);
        assertThat(emulator.stats().moDelivered()).isEqualTo(3);
    }

    @Test
    void aLongNonGsmMoGoesAsUcs2Parts() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX);
        String text = "Γειά σου κόσμε, ένα μεγάλο μήνυμα! ".repeat(3);

        emulator.originateMo(PHONE, null, text, false);

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 2);
        assertThat(esme.accepted()).extracting(DeliverSm::getDataCoding).containsOnly((byte) 0x08);
        MoReassembler phoneSide = new MoReassembler(Clock.systemUTC(), Duration.ofMinutes(1), 1);
        List<MoText> joined = new java.util.ArrayList<>();
        esme.accepted().forEach(part -> joined.addAll(
                phoneSide.accept(PHONE, SmsEncoding.UCS2, true, part.getShortMessage())));
        assertThat(joined).extracting(MoText::text).containsExactly(text);
    }

    @Test
    void moOriginatedBeforeAnyBindWaitsAndIsDeliveredAfterTheBind() throws Exception {
        start();
        emulator.originateMo(PHONE, null, "stored");
        emulator.originateMo(PHONE, null, "and forwarded");
        assertThat(emulator.stats().moPending()).isEqualTo(2);

        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TRX);

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 2);
        assertThat(texts(esme.accepted())).containsExactly("stored", "and forwarded");
        assertThat(emulator.stats().moPending()).isZero();
    }

    @Test
    void refusedDeliverIsRetriedUntilAcceptedAndNothingOvertakesIt() throws Exception {
        start("mo-retry-interval=20ms");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX).refuseNext(2);

        emulator.originateMo(PHONE, null, "one");
        emulator.originateMo(PHONE, null, "two");

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 2);
        assertThat(texts(esme.offered())).containsExactly("one", "one", "one", "two");
        assertThat(texts(esme.accepted())).containsExactly("one", "two");
        assertThat(emulator.stats().deliverRetries()).isEqualTo(2);
        assertThat(emulator.stats().moDelivered()).isEqualTo(2);
    }

    @Test
    void theLaneNeverHasTwoDeliverSmOutstanding() throws Exception {
        start("handshake-time=0ms");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TRX);

        IntStream.range(0, 20).forEach(i -> emulator.originateMo(PHONE, null, "burst " + i));

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 20);
        assertThat(texts(esme.accepted())).containsExactlyElementsOf(
                IntStream.range(0, 20).mapToObj(i -> "burst " + i).toList());
        await().atMost(PATIENCE).until(() -> emulator.stats().moDelivered() == 20);
        int outstanding = 0;
        for (TrafficRecord record : emulator.traffic(1000)) {
            if (record.command().equals("deliver_sm")) {
                outstanding++;
            } else if (record.command().equals("deliver_sm_resp")) {
                outstanding--;
            }
            assertThat(outstanding).as("deliver_sm outstanding at %s", record).isBetween(0, 1);
        }
    }

    @Test
    void theMessageInHandGoesBackToTheMailboxWhenTheReceiverLeaves() throws Exception {
        // A deliver_sm caught by the unbind is only given up after the response timeout.
        start("mo-retry-interval=20ms", "response-timeout=300ms");
        TestEsme leaving = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX).refuseNext(Integer.MAX_VALUE);
        emulator.originateMo(PHONE, null, "survives the unbind");
        await().atMost(PATIENCE).until(() -> !leaving.offered().isEmpty());

        leaving.close();
        await().atMost(PATIENCE).until(() -> emulator.stats().binds() == 0);
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX);

        await().atMost(PATIENCE).until(() -> esme.accepted().size() == 1);
        assertThat(texts(esme.accepted())).containsExactly("survives the unbind");
    }

    private static List<String> texts(List<DeliverSm> deliveries) {
        return deliveries.stream().map(d -> new String(d.getShortMessage(), StandardCharsets.ISO_8859_1)).toList();
    }
}
