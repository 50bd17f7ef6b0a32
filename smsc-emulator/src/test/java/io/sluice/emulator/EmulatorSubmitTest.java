package io.sluice.emulator;

import static io.sluice.emulator.util.TestEsme.PHONE;
import static io.sluice.emulator.util.TestEsme.SERVICE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.handset.HandsetView;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestEsme;
import io.sluice.emulator.util.TestProperties;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulator seen by a real jsmpp ESME over TCP: binds, submits, handshaking violations, receipts. */
class EmulatorSubmitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private SmscEmulator emulator;
    private TestEsme esme;

    private SmscEmulator start(String... settings) throws IOException {
        emulator = new SmscEmulator(TestProperties.emulator(settings), Clock.systemUTC());
        emulator.start();
        return emulator;
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
    void bindWithWrongPasswordIsRefusedWithInvalidPassword() throws IOException {
        start();

        assertThatThrownBy(() -> TestEsme.bind(emulator.smppPort(), BindType.BIND_TX, "sluice", "wrong"))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(NegativeResponseException.class)
                .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus()).isEqualTo(0x0E);
        assertThat(emulator.stats().bindsRefused()).isEqualTo(1);
        assertThat(emulator.stats().binds()).isZero();
    }

    @Test
    void bindWithUnknownSystemIdIsRefusedWithInvalidSystemId() throws IOException {
        start();

        assertThatThrownBy(() -> TestEsme.bind(emulator.smppPort(), BindType.BIND_TRX, "nobody", "secret"))
                .cause().extracting(e -> ((NegativeResponseException) e).getCommandStatus()).isEqualTo(0x0F);
    }

    @Test
    void submitLandsInTheDestinationHandsetsInbox() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        String messageId = esme.submit("hello phone");

        ReceivedMessage received = emulator.handset(PHONE).messages().get(0);
        assertThat(received.messageId()).isEqualTo(messageId);
        assertThat(received.from()).isEqualTo(SERVICE_NUMBER);
        assertThat(received.to()).isEqualTo(PHONE);
        assertThat(received.text()).isEqualTo("hello phone");
        assertThat(received.dataCoding()).isZero();
        assertThat(emulator.stats().binds()).isEqualTo(1);
        assertThat(emulator.stats().submits()).isEqualTo(1);
    }

    @Test
    void concatenatedPartsAreShownAsOneMessageOnceAllArrivedAndKeptOneByOne() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);
        String text = "Καλημέρα σας! ".repeat(10);
        List<SmsPart> parts = new SmsSplitter(8, () -> 42).split(text);
        assertThat(parts).hasSize(3);

        esme.submitPart(parts.get(2));
        esme.submitPart(parts.get(0));
        esme.submitPart(parts.get(0)); // a retry's copy: one message all the same
        assertThat(emulator.handset(PHONE).messages()).isEmpty();
        String last = esme.submitPart(parts.get(1));

        HandsetView phone = emulator.handset(PHONE);
        assertThat(phone.messages()).extracting(ReceivedMessage::text, ReceivedMessage::parts,
                ReceivedMessage::messageId, ReceivedMessage::dataCoding).containsExactly(tuple(text, 3, last, 8));
        assertThat(phone.parts()).hasSize(4).extracting(ReceivedMessage::text)
                .containsExactly(parts.get(2).text(), parts.get(0).text(), parts.get(0).text(), parts.get(1).text());
        assertThat(phone.received()).isEqualTo(1);
    }

    @Test
    void dataCodingZeroIsGsmSeptetsByDefault() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        esme.submitPart(new SmsSplitter(1, () -> 0).split("@ £5 {ok} €").get(0));

        assertThat(emulator.handset(PHONE).messages()).extracting(ReceivedMessage::text, ReceivedMessage::dataCoding)
                .containsExactly(tuple("@ £5 {ok} €", 0));
    }

    @Test
    void fiftySequentialSubmitsAreNoViolation() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        for (int i = 0; i < 50; i++) {
            esme.submit("message " + i);
        }

        assertThat(emulator.stats().submits()).isEqualTo(50);
        assertThat(emulator.stats().violations()).isZero();
        assertThat(emulator.handset(PHONE).received()).isEqualTo(50);
    }

    @Test
    void submitSentBeforeThePreviousWasAnsweredIsCountedAndStillProcessed() throws Exception {
        start("handshake-time=300ms");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        CompletableFuture<String> first = submitInBackground("first");
        awaitOutstanding(1);
        String second = esme.submit("second");

        assertThat(first.join()).isNotBlank();
        assertThat(second).isNotBlank();
        assertThat(emulator.stats().violations()).isEqualTo(1);
        assertThat(emulator.stats().sessions().get(0).violations()).isEqualTo(1);
        assertThat(emulator.traffic(100)).filteredOn(r -> "violation".equals(r.note()))
                .extracting(TrafficRecord::command, TrafficRecord::text)
                .containsExactly(tuple("submit_sm", "second"));
    }

    @Test
    void underRejectPolicyTheOverlappingSubmitGetsTheViolationStatus() throws Exception {
        start("handshake-time=300ms", "violation-policy=REJECT");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        CompletableFuture<String> first = submitInBackground("first");
        awaitOutstanding(1);

        assertThatThrownBy(() -> esme.submit("second"))
                .isInstanceOf(NegativeResponseException.class)
                .extracting(e -> ((NegativeResponseException) e).getCommandStatus()).isEqualTo(0x58);
        assertThat(first.join()).isNotBlank();
        assertThat(emulator.stats().violations()).isEqualTo(1);
        assertThat(emulator.stats().rejected()).isEqualTo(1);
        assertThat(emulator.handset(PHONE).messages()).extracting(ReceivedMessage::text)
                .containsExactly("first");
    }

    @Test
    void scriptedTextsAnswerWithTheirErrorStatus() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);

        assertThat(statusOf("#THROTTLE please")).isEqualTo(0x58);
        assertThat(statusOf("#QFULL")).isEqualTo(0x14);
        assertThat(statusOf("#reject this one")).isEqualTo(0x0B);
        assertThat(emulator.stats().rejected()).isEqualTo(3);
        assertThat(emulator.handset(PHONE).messages()).isEmpty();
    }

    @Test
    void scriptedNoResponseLeavesTheSubmitUnansweredWithoutBlockingTheNext() throws Exception {
        start();
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX).responseTimeout(300);

        assertThatThrownBy(() -> esme.submit("#NORESP")).isInstanceOf(ResponseTimeoutException.class);
        String next = esme.submit("after the timeout");

        assertThat(next).isNotBlank();
        assertThat(emulator.stats().unanswered()).isEqualTo(1);
        assertThat(emulator.stats().violations()).isZero();
        assertThat(emulator.traffic(100)).extracting(TrafficRecord::note).contains("withheld (#NORESP)");
    }

    @Test
    void receiptReachesTheTransceiverWithTheSubmitsMessageId() throws Exception {
        start("receipt-delay=20ms");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TRX);

        String messageId = esme.submitAskingReceipt("receipt please");

        await().atMost(PATIENCE).until(() -> !esme.accepted().isEmpty());
        DeliverSm receipt = esme.accepted().get(0);
        assertThat(MessageType.SMSC_DEL_RECEIPT.containedIn(receipt.getEsmClass())).isTrue();
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(messageId);
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getFinalStatus().name()).isEqualTo("DELIVRD");
        assertThat(((OptionalParameter.COctetString) receipt.getOptionalParameter(
                OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValueAsString()).isEqualTo(messageId);
        assertThat(receipt.getSourceAddr()).isEqualTo(PHONE.substring(1));
        assertThat(receipt.getDestAddress()).isEqualTo(SERVICE_NUMBER);
        await().atMost(PATIENCE).until(() -> emulator.stats().receiptsSent() == 1);
        assertThat(emulator.stats().receiptsPending()).isZero();
    }

    @Test
    void receiptOfATransmitterGoesToTheReceiverOfTheSameAccount() throws Exception {
        start("receipt-delay=0ms", "receipt-outcome=UNDELIVERABLE");
        esme = TestEsme.bind(emulator.smppPort(), BindType.BIND_TX);
        try (TestEsme receiver = TestEsme.bind(emulator.smppPort(), BindType.BIND_RX)) {
            String messageId = esme.submitAskingReceipt("two binds");

            await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
            assertThat(receiver.accepted().get(0).getShortMessageAsDeliveryReceipt().getId()).isEqualTo(messageId);
            assertThat(receiver.accepted().get(0).getShortMessageAsDeliveryReceipt().getFinalStatus().name())
                    .isEqualTo("UNDELIV");
        }
    }

    private CompletableFuture<String> submitInBackground(String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return esme.submit(text);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private void awaitOutstanding(int requests) {
        await().atMost(PATIENCE).until(() -> emulator.stats().sessions().get(0).outstanding() == requests);
    }

    private int statusOf(String text) {
        try {
            esme.submit(text);
            throw new AssertionError("'" + text + "' was accepted");
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
