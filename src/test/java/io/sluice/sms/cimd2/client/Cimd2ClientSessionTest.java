package io.sluice.sms.cimd2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestProperties;
import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.Cimd2Packet;
import io.sluice.sms.cimd2.Cimd2Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's CIMD2 session state machine against the real SMSC emulator over TCP: login, stop-and-wait,
 * retransmission with the same packet number, reconnect and re-login, alive, and deliveries answered only
 * after the handler returned (a repeated packet number acknowledged again, not delivered twice).
 */
class Cimd2ClientSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Long enough that a loaded CI machine does not make the happy paths retransmit. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1000);
    private static final int MAX_TRANSMISSIONS = 3;

    private final List<Cimd2Packet> delivered = new CopyOnWriteArrayList<>();
    private SmscEmulator smsc;
    private Cimd2ClientSession session;

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void logsInThenSubmitsOneAtATimeWithOddWrappingNumbers() throws Exception {
        start("secret", Duration.ofMinutes(1), delivered::add);
        awaitReady();

        List<Integer> numbers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Cimd2Packet response = session.exchange(submit("+447700900701", "hello " + i));
            assertThat(response.operation()).isEqualTo(Cimd2Operation.SUBMIT_RESPONSE);
            assertThat(response.isNegative()).isFalse();
            assertThat(response.value(Cimd2Parameter.SERVICE_CENTRE_TIMESTAMP)).isPresent();
            numbers.add(response.packetNumber());
        }

        assertThat(numbers).containsExactly(3, 5, 7); // 1 was the login
        assertThat(smsc.handset("+447700900701").messages()).extracting(ReceivedMessage::text)
                .containsExactly("hello 0", "hello 1", "hello 2");
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    void aRefusalComesBackAsTheNegativeResponse() throws Exception {
        start("secret", Duration.ofMinutes(1), delivered::add);
        awaitReady();

        Cimd2Packet response = session.exchange(submit("+447700900702", "#REJECT me"));

        assertThat(response.isNegative()).isTrue();
        assertThat(response.integer(Cimd2Parameter.ERROR_CODE)).hasValue(300);
        assertThat(session.state()).isEqualTo(Cimd2SessionState.READY);
    }

    @Test
    void anUnansweredSubmitIsSentAgainWithTheSameNumberThenTheSessionLogsInAgain() throws Exception {
        start("secret", Duration.ofMinutes(1), delivered::add);
        awaitReady();

        assertThatThrownBy(() -> session.exchange(submit("+447700900703", "#NORESP please")))
                .isInstanceOf(Cimd2SessionException.class).hasMessageContaining("3 transmissions");

        List<TrafficRecord> sent = smsc.traffic(1000).stream()
                .filter(record -> "submit".equals(record.command()) && "in".equals(record.direction())).toList();
        assertThat(sent).hasSize(MAX_TRANSMISSIONS);
        assertThat(sent).extracting(TrafficRecord::sequence).containsOnly(sent.get(0).sequence());
        await().atMost(WAIT).until(() -> session.logins() == 2 && session.state() == Cimd2SessionState.READY);
        assertThat(smsc.stats().bindsTotal()).isEqualTo(2);
        // the new login numbers from 001 again: login 1, then this submit 3
        assertThat(session.exchange(submit("+447700900703", "after the reconnect")).packetNumber()).isEqualTo(3);
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    void anIdleSessionSendsAlive() throws Exception {
        start("secret", Duration.ofMillis(200), delivered::add);
        awaitReady();

        await().atMost(WAIT).until(() -> smsc.traffic(1000).stream()
                .filter(record -> "alive".equals(record.command()) && "in".equals(record.direction())).count() >= 2);
        assertThat(session.state()).isIn(Cimd2SessionState.READY, Cimd2SessionState.AWAITING_RESPONSE);
        assertThat(smsc.stats().keepaliveOverlaps()).isZero();
    }

    @Test
    void aRefusedLoginIsTriedAgainAndNothingIsSent() throws Exception {
        start("wrong", Duration.ofMinutes(1), delivered::add);

        await().atMost(WAIT).until(() -> smsc.stats().bindsRefused() >= 2);
        assertThatThrownBy(() -> session.exchange(submit("+447700900704", "never")))
                .isInstanceOf(Cimd2SessionException.class).hasMessageContaining("not logged in");
        assertThat(smsc.stats().submits()).isZero();
    }

    @Test
    void aDeliveryTheHandlerRefusesIsAnsweredWithAnErrorAndTheSmscSendsItAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start("secret", Duration.ofMinutes(1), delivery -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("ring full");
            }
            delivered.add(delivery);
        });
        awaitReady();

        smsc.originateMo("+447700900705", null, "twice asked, once stored");

        await().atMost(WAIT).until(() -> smsc.stats().moDelivered() == 1);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).text(Cimd2Parameter.USER_DATA)).hasValue("twice asked, once stored");
        assertThat(smsc.stats().deliverRetries()).isPositive();
    }

    @Test
    void aRepeatedPacketNumberIsAcknowledgedAgainButNotDeliveredTwice() throws Exception {
        // The emulator gives up waiting after 300 ms and sends the same packet again with the same number;
        // the handler holds the first copy until that repeat has been sent, like a slow disk would.
        start("secret", Duration.ofMinutes(1), delivery -> {
            if (delivered.isEmpty()) {
                await().atMost(WAIT).until(() -> deliverMessagesSent() >= 2);
            }
            delivered.add(delivery);
        });
        awaitReady();

        smsc.originateMo("+447700900706", null, "only once");
        await().atMost(WAIT).until(() -> smsc.stats().moDelivered() == 1 && smsc.stats().moPending() == 0);
        smsc.originateMo("+447700900706", null, "the next one");
        await().atMost(WAIT).until(() -> delivered.size() == 2);

        List<TrafficRecord> sent = smsc.traffic(1000).stream()
                .filter(record -> "deliver_message".equals(record.command()) && "out".equals(record.direction())).toList();
        assertThat(sent.get(0).sequence()).isEqualTo(sent.get(1).sequence());
        assertThat(delivered).extracting(packet -> packet.text(Cimd2Parameter.USER_DATA).orElseThrow())
                .containsExactly("only once", "the next one");
        await().atMost(WAIT).until(() -> smsc.stats().moDelivered() == 2);
    }

    private long deliverMessagesSent() {
        return smsc.traffic(1000).stream()
                .filter(record -> "deliver_message".equals(record.command()) && "out".equals(record.direction())).count();
    }

    private void start(String password, Duration aliveInterval, Cimd2DeliveryHandler handler) throws Exception {
        smsc = new SmscEmulator(TestProperties.emulator("cimd2-port=0", "handshake-time=2ms", "receipt-delay=10ms",
                "mo-retry-interval=100ms", "response-timeout=300ms"), Clock.systemUTC());
        smsc.start();
        session = new Cimd2ClientSession(new Cimd2ClientSettings("127.0.0.1", smsc.cimd2Port(), "sluice", password,
                RESPONSE_TIMEOUT, MAX_TRANSMISSIONS, aliveInterval, Duration.ofMillis(100), true,
                Cimd2ChecksumPolicy.VERIFY_IF_PRESENT), handler);
        session.start();
    }

    private void awaitReady() {
        await().atMost(WAIT).until(() -> session.state() == Cimd2SessionState.READY);
    }

    private static Cimd2Packet submit(String destination, String text) {
        return Cimd2Packet.builder(Cimd2Operation.SUBMIT).add(Cimd2Parameter.DESTINATION_ADDRESS, destination)
                .addText(Cimd2Parameter.USER_DATA, text).build();
    }
}
