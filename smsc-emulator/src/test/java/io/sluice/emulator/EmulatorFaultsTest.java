package io.sluice.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.util.TestProperties;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's faults seen byte by byte by a hand-written ESME over TCP: scripted wire faults
 * ({@code #NACK}, {@code #BADLEN}, ... ) hit the first submit of a text only, a refusal period refuses
 * every submit, and sessions told to ignore enquire_link answer everything else.
 */
class EmulatorFaultsTest {

    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final int BIND_TRANSMITTER = 0x00000002;
    private static final int SUBMIT_SM_RESP = 0x80000004;
    private static final int GENERIC_NACK = 0x80000000;
    private static final int ENQUIRE_LINK_RESP = 0x80000015;
    private static final int READ_TIMEOUT_MS = 2000;
    private static final String PHONE = "447700900123";

    private SmscEmulator emulator;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private int sequence;

    @BeforeEach
    void bind() throws Exception {
        // a short response-timeout: this hand-written ESME never answers the emulator's unbind at the end
        emulator = new SmscEmulator(TestProperties.emulator("handshake-time=1ms", "late-response-delay=100ms",
                "response-timeout=200ms"), Clock.systemUTC());
        emulator.start();
        socket = new Socket("127.0.0.1", emulator.smppPort());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(COMPOSER.bind(BIND_TRANSMITTER, ++sequence, "sluice", "secret", "", (byte) 0x34, (byte) 0, (byte) 0, ""));
        assertThat(header(readPdu()).getInt(8)).as("bind status").isZero();
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        emulator.close();
    }

    @Test
    void genericNackAnswersTheFirstSubmitOfItsTextOnlyAndNothingIsStored() throws Exception {
        ByteBuffer nack = header(submit("#NACK hello"));
        assertThat(nack.getInt(4)).isEqualTo(GENERIC_NACK);
        assertThat(nack.getInt(8)).as("ESME_RSYSERR").isEqualTo(0x08);
        assertThat(nack.getInt(12)).isEqualTo(sequence);

        assertThat(header(submit("#NACK hello")).getInt(4)).isEqualTo(SUBMIT_SM_RESP);
        assertThat(emulator.handset("+" + PHONE).messages()).hasSize(1);
    }

    @Test
    void malformedAnswersReplaceTheSubmitSmResp() throws Exception {
        assertThat(submitRaw("#BADLEN", 8)).isEqualTo(bytes("00000008 00000000"));
        assertThat(submitRaw("#BADCMD", 16)).isEqualTo(bytes("00000010 00000777 00000000 %08x".formatted(sequence)));
        assertThat(submitRaw("#TRUNC", 19)).isEqualTo(bytes("00000013 80000004 00000000 %08x 637574".formatted(sequence)));
        assertThat(submitRaw("#HUGELEN", 16)).isEqualTo(bytes("7ffffff0 80000004 00000000 %08x".formatted(sequence)));
        assertThat(submitRaw("#GARBAGE", 18)).isEqualTo("this is not SMPP\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(emulator.handset("+" + PHONE).messages()).isEmpty();
        // logged once written, which may be a moment after the bytes were read here
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.traffic(100))
                .extracting(record -> record.note()).contains("#BADLEN", "#BADCMD", "#TRUNC", "#HUGELEN", "#GARBAGE"));
    }

    @Test
    void aLostAnswerIsStoredAndTheRetryStoredAgain() throws Exception {
        send(submitSm("#LOSTRESP hello"));
        assertThat(nothingWithin(Duration.ofMillis(300))).isTrue();

        assertThat(header(submit("#LOSTRESP hello")).getInt(4)).isEqualTo(SUBMIT_SM_RESP);
        assertThat(emulator.handset("+" + PHONE).messages()).extracting(ReceivedMessage::text)
                .containsExactly("#LOSTRESP hello", "#LOSTRESP hello");
    }

    @Test
    void aLateAnswerComesAfterTheDelayWithTheRequestsSequenceNumber() throws Exception {
        send(submitSm("#LATERESP hello"));
        int late = sequence;

        ByteBuffer answer = header(readPdu());
        assertThat(answer.getInt(4)).isEqualTo(SUBMIT_SM_RESP);
        assertThat(answer.getInt(12)).isEqualTo(late);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.traffic(100))
                .extracting(record -> record.note()).contains("late (#LATERESP)"));
    }

    @Test
    void aRefusalPeriodRefusesEverySubmitUntilItEnds() throws Exception {
        emulator.faults().refuseSubmits(0x14, Duration.ofMinutes(1));
        assertThat(header(submit("during")).getInt(8)).isEqualTo(0x14);
        assertThat(header(submit("during")).getInt(8)).isEqualTo(0x14);

        emulator.faults().stopRefusing();
        assertThat(header(submit("after")).getInt(8)).isZero();
        assertThat(emulator.handset("+" + PHONE).messages()).extracting(ReceivedMessage::text).containsExactly("after");
        assertThat(emulator.stats().rejected()).isEqualTo(2);
    }

    @Test
    void anIgnoredEnquireLinkGoesUnansweredWhileSubmitsAreAnswered() throws Exception {
        send(COMPOSER.enquireLink(++sequence));
        assertThat(header(readPdu()).getInt(4)).isEqualTo(ENQUIRE_LINK_RESP);

        assertThat(emulator.ignoreEnquireLinks()).isEqualTo(1);
        send(COMPOSER.enquireLink(++sequence));
        assertThat(nothingWithin(Duration.ofMillis(300))).isTrue();
        assertThat(header(submit("still answered")).getInt(4)).isEqualTo(SUBMIT_SM_RESP);
        assertThat(emulator.traffic(100)).extracting(record -> record.note())
                .contains("withheld (ignoring enquire_link)");
    }

    private byte[] submit(String text) throws Exception {
        send(submitSm(text));
        return readPdu();
    }

    /** The first {@code length} bytes the emulator writes after a submit of {@code fault}. */
    private byte[] submitRaw(String fault, int length) throws Exception {
        send(submitSm(fault + " hello"));
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private byte[] submitSm(String text) throws Exception {
        return COMPOSER.submitSm(++sequence, "", (byte) 0, (byte) 1, "7777", (byte) 1, (byte) 1, PHONE, (byte) 0,
                (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0, (byte) 0, (byte) 0,
                text.getBytes(StandardCharsets.US_ASCII));
    }

    private void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }

    private byte[] readPdu() throws IOException {
        int length = in.readInt();
        byte[] pdu = ByteBuffer.allocate(length).putInt(length).array();
        in.readFully(pdu, 4, length - 4);
        return pdu;
    }

    private boolean nothingWithin(Duration patience) throws IOException {
        socket.setSoTimeout((int) patience.toMillis());
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException expected) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MS);
        }
    }

    private static ByteBuffer header(byte[] pdu) {
        return ByteBuffer.wrap(Arrays.copyOf(pdu, 16));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
