package io.sluice.emulator.cimd2;

import static io.sluice.emulator.util.TestEsme.PHONE;
import static io.sluice.emulator.util.TestEsme.SERVICE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.handset.SentMessage;
import io.sluice.emulator.traffic.SessionStats;
import io.sluice.emulator.util.TestCimd2Client;
import io.sluice.emulator.util.TestProperties;
import io.sluice.sms.cimd2.Cimd2DataCoding;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import io.sluice.sms.cimd2.Cimd2StatusCode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator's CIMD2 server, spoken to over real TCP by a client built on the Sluice codec. */
class Cimd2EmulatorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private SmscEmulator emulator;
    private TestCimd2Client client;

    private void start(String... settings) throws IOException {
        String[] all = new String[settings.length + 1];
        all[0] = "cimd2-port=0";
        System.arraycopy(settings, 0, all, 1, settings.length);
        emulator = new SmscEmulator(TestProperties.emulator(all), Clock.systemUTC());
        emulator.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static Cimd2Packet.Builder submit(String text) {
        return Cimd2Packet.builder(Cimd2Operation.SUBMIT).add(Cimd2Parameter.DESTINATION_ADDRESS, PHONE)
                .add(Cimd2Parameter.ORIGINATING_ADDRESS, SERVICE_NUMBER).addText(Cimd2Parameter.USER_DATA, text);
    }

    @Test
    void loginWithTheSmppAccountIsAccepted() throws Exception {
        start();
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        await().atMost(PATIENCE).until(() -> emulator.stats().binds() == 1);
        assertThat(emulator.stats().sessions()).extracting(SessionStats::systemId, SessionStats::bindType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sluice", "CIMD2"));
    }

    @Test
    void loginWithAWrongPasswordIsRefusedAsInvalidLogin() throws Exception {
        start();
        client = TestCimd2Client.connect(emulator.cimd2Port());

        Cimd2Packet response = client.login("sluice", "wrong");

        assertThat(response.operation()).isEqualTo(Cimd2Operation.LOGIN_RESPONSE);
        assertThat(response.error()).hasValue(Cimd2ErrorCode.INVALID_LOGIN);
        assertThat(emulator.stats().bindsRefused()).isEqualTo(1);
    }

    @Test
    void submitBeforeLoginIsAnUnexpectedOperation() throws Exception {
        start();
        client = TestCimd2Client.connect(emulator.cimd2Port());

        assertThat(client.request(submit("hi")).error()).hasValue(Cimd2ErrorCode.UNEXPECTED_OPERATION);
    }

    @Test
    void submitLandsInTheHandsetAndItsStatusReportFollows() throws Exception {
        start("receipt-delay=50ms");
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        Cimd2Packet response = client.request(submit("Gr\u00FC\u00DFe \u20AC5").add(Cimd2Parameter.STATUS_REPORT_REQUEST, 14));

        assertThat(response.operation()).isEqualTo(Cimd2Operation.SUBMIT_RESPONSE);
        assertThat(response.isNegative()).isFalse();
        String timestamp = response.required(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP);
        assertThat(timestamp).matches("[0-9]{12}");
        assertThat(emulator.handset(PHONE).messages()).extracting(ReceivedMessage::text, ReceivedMessage::from)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Gr\u00FC\u00DFe \u20AC5", SERVICE_NUMBER));

        await().atMost(PATIENCE).until(() -> client.deliveries().size() == 1);
        Cimd2Packet report = client.deliveries().get(0);
        assertThat(report.operation()).isEqualTo(Cimd2Operation.DELIVER_STATUS_REPORT);
        assertThat(report.packetNumber() % 2).as("SMSC packet numbers are even").isZero();
        assertThat(report.value(Cimd2Parameter.DESTINATION_ADDRESS)).hasValue(PHONE);
        assertThat(report.value(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP)).hasValue(timestamp);
        assertThat(report.integer(Cimd2Parameter.STATUS_CODE)).hasValue(Cimd2StatusCode.DELIVERY_SUCCESSFUL.code());
        await().atMost(PATIENCE).until(() -> emulator.stats().receiptsSent() == 1);
        assertThat(emulator.stats().receiptsPending()).isZero();
    }

    @Test
    void noStatusReportWithoutTheRequestBitForTheOutcome() throws Exception {
        start("receipt-delay=0ms", "receipt-outcome=UNDELIVERABLE");
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        client.request(submit("only when delivered").add(Cimd2Parameter.STATUS_REPORT_REQUEST, 8));
        client.request(submit("when failed").add(Cimd2Parameter.STATUS_REPORT_REQUEST, 4));

        await().atMost(PATIENCE).until(() -> client.deliveries().size() == 1);
        assertThat(client.deliveries().get(0).integer(Cimd2Parameter.STATUS_CODE))
                .hasValue(Cimd2StatusCode.DELIVERY_FAILED.code());
        assertThat(emulator.stats().receiptsPending()).isZero();
    }

    @Test
    void moReachesTheLoggedInClientAsDeliverMessage() throws Exception {
        start();
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        String id = emulator.originateMo(PHONE, null, "hello [service] _1");

        await().atMost(PATIENCE).until(() -> client.deliveries().size() == 1);
        Cimd2Packet mo = client.deliveries().get(0);
        assertThat(mo.operation()).isEqualTo(Cimd2Operation.DELIVER_MESSAGE);
        assertThat(mo.value(Cimd2Parameter.ORIGINATING_ADDRESS)).hasValue(PHONE);
        assertThat(mo.value(Cimd2Parameter.DESTINATION_ADDRESS)).hasValue(SERVICE_NUMBER);
        assertThat(mo.text(Cimd2Parameter.USER_DATA)).hasValue("hello [service] _1");
        await().atMost(PATIENCE).until(() -> emulator.stats().moDelivered() == 1);
        assertThat(emulator.handset(PHONE).outbox()).extracting(SentMessage::id, SentMessage::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "delivered"));
    }

    @Test
    void moOutsideGsmGoesAsUcs2Binary() throws Exception {
        start();
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        emulator.originateMo(PHONE, null, "\u041F\u0440\u0438\u0432\u0435\u0442");

        await().atMost(PATIENCE).until(() -> client.deliveries().size() == 1);
        Cimd2Packet mo = client.deliveries().get(0);
        assertThat(mo.integer(Cimd2Parameter.DATA_CODING_SCHEME)).hasValue(Cimd2DataCoding.UCS2.value());
        assertThat(mo.hex(Cimd2Parameter.USER_DATA_BINARY).flatMap(Cimd2DataCoding.UCS2::decodeBinary))
                .hasValue("\u041F\u0440\u0438\u0432\u0435\u0442");
    }

    @Test
    void unansweredDeliveryIsSentAgainWithTheSamePacketNumber() throws Exception {
        start("response-timeout=300ms", "mo-retry-interval=50ms");
        client = TestCimd2Client.loggedIn(emulator.cimd2Port()).leaveUnanswered(1);

        emulator.originateMo(PHONE, null, "again");

        await().atMost(PATIENCE).until(() -> emulator.stats().moDelivered() == 1);
        assertThat(client.deliveries()).hasSize(2);
        assertThat(client.deliveries().get(1)).isEqualTo(client.deliveries().get(0));
        assertThat(emulator.stats().deliverRetries()).isEqualTo(1);
    }

    @Test
    void moWaitsForALoginAndGoesOneAtATime() throws Exception {
        start();
        emulator.originateMo(PHONE, null, "first");
        emulator.originateMo(PHONE, null, "second");

        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        await().atMost(PATIENCE).until(() -> client.deliveries().size() == 2);
        assertThat(client.deliveries()).extracting(packet -> packet.text(Cimd2Parameter.USER_DATA).orElseThrow())
                .containsExactly("first", "second");
        assertThat(client.deliveries().get(1).packetNumber()).isEqualTo(client.deliveries().get(0).packetNumber() + 2);
    }

    @Test
    void aliveIsAnswered() throws Exception {
        start();
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());

        assertThat(client.request(Cimd2Packet.builder(Cimd2Operation.ALIVE)).operation())
                .isEqualTo(Cimd2Operation.ALIVE_RESPONSE);
    }
}
