package io.sluice.emulator.cimd2;

import static io.sluice.emulator.util.TestEsme.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestCimd2Client;
import io.sluice.emulator.util.TestProperties;
import io.sluice.sms.cimd2.Cimd2Encoder;
import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stop-and-wait violations, scripted failures and malformed packets on the CIMD2 server. */
class Cimd2HandshakeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private SmscEmulator emulator;
    private TestCimd2Client client;

    private void start(String... settings) throws IOException, InterruptedException {
        String[] all = new String[settings.length + 1];
        all[0] = "cimd2-port=0";
        System.arraycopy(settings, 0, all, 1, settings.length);
        emulator = new SmscEmulator(TestProperties.emulator(all), Clock.systemUTC());
        emulator.start();
        client = TestCimd2Client.loggedIn(emulator.cimd2Port());
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
                .addText(Cimd2Parameter.USER_DATA, text);
    }

    @Test
    void secondSubmitBeforeTheFirstResponseIsCountedAsViolation() throws Exception {
        start("handshake-time=300ms");

        int first = client.send(submit("one"));
        int second = client.send(submit("two"));

        assertThat(client.response(first).isNegative()).isFalse();
        assertThat(client.response(second).isNegative()).as("COUNT processes it anyway").isFalse();
        assertThat(emulator.stats().violations()).isEqualTo(1);
        assertThat(emulator.traffic(100)).filteredOn(record -> "violation".equals(record.note()))
                .extracting(TrafficRecord::sequence).containsExactly(second);
    }

    @Test
    void underRejectTheOverlappingSubmitIsAnsweredWithCongestionAtOnce() throws Exception {
        start("handshake-time=300ms", "violation-policy=REJECT");

        int first = client.send(submit("one"));
        int second = client.send(submit("two"));

        assertThat(client.response(second).error()).hasValue(Cimd2ErrorCode.TEMPORARY_CONGESTION);
        assertThat(client.response(first).isNegative()).isFalse();
        assertThat(emulator.handset(PHONE).messages()).hasSize(1);
    }

    @Test
    void aliveDuringASubmitIsAKeepaliveOverlapNotAViolation() throws Exception {
        start("handshake-time=300ms");

        int submit = client.send(submit("one"));
        int alive = client.send(Cimd2Packet.builder(Cimd2Operation.ALIVE));

        assertThat(client.response(alive).operation()).isEqualTo(Cimd2Operation.ALIVE_RESPONSE);
        client.response(submit);
        assertThat(emulator.stats().violations()).isZero();
        assertThat(emulator.stats().keepaliveOverlaps()).isEqualTo(1);
    }

    @Test
    void scriptedThrottleIsTemporaryCongestionAndRejectIsABadDestination() throws Exception {
        start();

        assertThat(client.request(submit("alice: #THROTTLE")).error()).hasValue(Cimd2ErrorCode.TEMPORARY_CONGESTION);
        assertThat(client.request(submit("#QFULL")).error()).hasValue(Cimd2ErrorCode.GENERAL_SYSTEM_ERROR);
        assertThat(client.request(submit("#reject")).error()).hasValue(Cimd2ErrorCode.INCORRECT_DESTINATION_ADDRESS);
        assertThat(emulator.stats().rejected()).isEqualTo(3);
        assertThat(emulator.handset(PHONE).messages()).isEmpty();
    }

    @Test
    void aRefusalPeriodRefusesEverySubmitWithTheCimd2AnalogueOfItsStatus() throws Exception {
        start();

        emulator.faults().refuseSubmits(0x14, Duration.ofMinutes(1)); // ESME_RMSGQFUL
        assertThat(client.request(submit("queue full")).error()).hasValue(Cimd2ErrorCode.GENERAL_SYSTEM_ERROR);
        emulator.faults().refuseSubmits(0x58, Duration.ofMinutes(1)); // ESME_RTHROTTLED
        assertThat(client.request(submit("throttled")).error()).hasValue(Cimd2ErrorCode.TEMPORARY_CONGESTION);
        emulator.faults().stopRefusing();
        assertThat(client.request(submit("after")).isNegative()).isFalse();
        assertThat(emulator.handset(PHONE).messages()).hasSize(1);
    }

    @Test
    void scriptedNoResponseIsWithheldAndStopsCountingAsOutstanding() throws Exception {
        start();

        int withheld = client.send(submit("#NORESP"));

        await().atMost(PATIENCE).until(() -> emulator.stats().unanswered() == 1);
        assertThat(client.answered(withheld, Duration.ofMillis(200))).isFalse();
        assertThat(client.request(submit("next")).isNegative()).isFalse();
        assertThat(emulator.stats().violations()).isZero();
    }

    @Test
    void unknownOperationGetsAGeneralErrorAndTheSessionGoesOn() throws Exception {
        start();

        client.write(new Cimd2Encoder(true).encode(77, 101, java.util.List.of()));

        Cimd2Packet error = client.response(101);
        assertThat(error.operation()).isEqualTo(Cimd2Operation.GENERAL_ERROR_RESPONSE);
        assertThat(error.error()).hasValue(Cimd2ErrorCode.UNEXPECTED_OPERATION);
        assertThat(client.request(submit("still here")).isNegative()).isFalse();
    }

    @Test
    void wrongChecksumIsNackedAndGarbageIsSkipped() throws Exception {
        start();

        client.write("noise\u0002 03:103\t021:123\t00\u0003".getBytes(StandardCharsets.ISO_8859_1));
        client.write("\u000203:103\t021:123\t00\u0003".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(client.response(103).operation()).isEqualTo(Cimd2Operation.NACK);
        assertThat(client.request(submit("after the noise")).isNegative()).isFalse();
    }
}
