package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.jms.Message;
import io.sluice.edge.CarrierTraffic;
import io.sluice.edge.ReceiptCorrelations;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.edge.SmppBindState;
import io.sluice.edge.SmscHealthIndicator;
import io.sluice.edge.SmscSubmitMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.util.TestProperties;
import io.sluice.im.Headers;
import io.sluice.link.RingRegistry;
import io.sluice.ring.Direction;
import io.sluice.ring.Pointers;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.MutableClock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jms.core.JmsTemplate;
import org.junit.jupiter.api.TestInstance;

/**
 * The edge's half of the link (routes/edge: ring-mt-accept, smsc-submit, smsc-errors, smsc-receive,
 * link-reports) against a real in-VM broker and the SMSC emulator over TCP. The test plays the core:
 * it sends slot-indexed data and reports, and reads what the edge reports back.
 */
// One Camel context for the class: a stopped context's JMS listeners must not race the next test's.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeLinkRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MO_SLOTS = 4;
    /** Well below what this bind does unthrottled, so that the limit is what the test sees. */
    private static final int MAX_SUBMITS_PER_SECOND = 10;
    private static final int MAX_PARTS = 4;
    private EdgeSmppRoutes edge;
    private SimpleMeterRegistry meters;
    private CarrierTraffic traffic;
    private SmppBindState bindState;
    private static InVmBroker broker;
    /** The test plays the core. */
    private static CorePeer core;
    private static SmscEmulator smsc;
    private static ActiveMQConnectionFactory connectionFactory;
    private RingRegistry rings;
    private ReceiptCorrelator receipts;
    /** The clock MT validities are judged by: moved by hand, so a validity ends without waiting for it. */
    private final MutableClock validityClock = new MutableClock(Instant.now());

    /** Before the Camel context, which the per-class lifecycle creates ahead of {@code @BeforeAll}. */
    private static synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        broker = EdgeSmppRoutes.startBroker();
        core = new CorePeer(broker, MO_SLOTS, WAIT);
        smsc = new SmscEmulator(TestProperties.emulator("handshake-time=2ms", "receipt-delay=10ms",
                "mo-retry-interval=100ms"), Clock.systemUTC());
        smsc.start();
    }

    @AfterAll
    void stop() throws Exception {
        // CamelTestSupport never stops a PER_CLASS context (only one made with createCamelContextPerClass):
        // left running, its SMPP producer and JMS listeners retried for the rest of the test JVM
        context().stop();
        EdgeSmscLoop.closeFeeds();
        connectionFactory.close();
        smsc.close();
        broker.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        try {
            start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return EdgeSmppRoutes.properties(smsc.smppPort(), Duration.ofSeconds(30), Duration.ofSeconds(5),
                MAX_SUBMITS_PER_SECOND);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        connectionFactory = new ActiveMQConnectionFactory("vm://0?consumerWindowSize=0");
        edge = new EdgeSmppRoutes(context, broker, connectionFactory, MO_SLOTS, MAX_PARTS, validityClock);
        rings = edge.rings;
        receipts = edge.receipts;
        meters = edge.meters;
        traffic = edge.traffic;
        bindState = edge.bindState;
        return context;
    }

    @Test
    void mtFromTheCoreIsConfirmedSubmittedInSequenceOrderAndReportedProcessed() throws Exception {
        String phone = "+447700900601";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        // 2 arrives before 1: the mirror holds it back so the SMSC still gets them in order
        for (long sequence : new long[] {2, 1, 3, 4}) {
            core.sendMt(base + sequence, phone, "text " + sequence);
        }

        await().atMost(WAIT).until(() -> smsc.handset(phone).messages().size() >= 4);
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text)
                .containsExactly("text 1", "text 2", "text 3", "text 4");
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::from).containsOnly("7777");
        Map<String, List<Long>> reports = core.reportsUntil(base, 4);
        assertThat(reports.get("confirmed")).containsExactlyInAnyOrder(base + 1, base + 2, base + 3, base + 4);
        assertThat(reports.get("processed")).containsExactly(base + 1, base + 2, base + 3, base + 4);
        long end = base + 4;
        assertThat(rings.get(Direction.MT, "alpha").pointers()).isEqualTo(new Pointers(end, end, end, end));
        assertThat(smsc.stats().violations()).isZero();

        // the core sending again (replay after an outage) is confirmed again, not submitted twice
        core.sendMt(base + 3, phone, "text 3");
        assertThat(core.nextReportOfKind("processed", base + 3).getStringProperty("link_kind")).isEqualTo("processed");
        assertThat(smsc.handset(phone).messages()).hasSize(4);
    }

    @Test
    void theEdgeNeverSubmitsFasterThanTheCarriersRate() throws Exception {
        String phone = "+447700900607";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        int count = 3 * MAX_SUBMITS_PER_SECOND;
        for (int sent = 0; sent < count; sent += MO_SLOTS) { // the ring holds MO_SLOTS in flight
            int upTo = Math.min(count, sent + MO_SLOTS);
            for (int i = sent; i < upTo; i++) {
                core.sendMt(base + i + 1, phone, "paced " + i);
            }
            await().atMost(WAIT).until(() -> smsc.handset(phone).messages().size() >= upTo);
        }

        List<Instant> times = smsc.handset(phone).messages().stream().map(ReceivedMessage::time).toList();
        for (int i = 0; i + MAX_SUBMITS_PER_SECOND < times.size(); i++) {
            // at most MAX_SUBMITS_PER_SECOND in any second; a few ms of slack for the TCP hop to the SMSC
            assertThat(Duration.between(times.get(i), times.get(i + MAX_SUBMITS_PER_SECOND)))
                    .as("submits %d to %d", i, i + MAX_SUBMITS_PER_SECOND).isGreaterThan(Duration.ofMillis(950));
        }
    }

    @Test
    void theSmscHealthIsUpWhileCamelSmppHoldsItsBind() {
        SmscHealthIndicator health = new SmscHealthIndicator(bindState, "smpp", "127.0.0.1:" + smsc.smppPort());
        await().atMost(WAIT).until(bindState::bound);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("session", "BOUND_TRX").containsEntry("protocol", "smpp");
    }

    @Test
    void aRefusalForGoodIsReportedProcessedWithTheFailure() throws Exception {
        String phone = "+447700900602";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        long errorsBefore = traffic.submitErrors().total();
        core.sendMt(base + 1, phone, "#REJECT this");
        core.sendMt(base + 2, phone, "after the refusal");

        Message failed = core.nextReportOfKind("processed", base + 1);
        assertThat(failed.getStringProperty("outcome")).isEqualTo("failed");
        assertThat(failed.getStringProperty("reason")).isEqualTo("SMSC_REJECTED");
        assertThat(failed.getStringProperty("detail")).contains("ESME_RINVDSTADR");
        assertThat(core.nextReportOfKind("processed", base + 2).getStringProperty("outcome")).isEqualTo("ok");
        // the refusal and the next submit, timed by SmscSubmitMeter; the error counted by its code
        assertThat(meters.get("sluice.smsc.errors").tags("protocol", "smpp", "code", "ESME_RINVDSTADR").counter().count()).isEqualTo(1);
        assertThat(meters.get("sluice.smsc.handshake").tags("outcome", "error").timer().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("sluice.smsc.handshake").tags("carrier", "alpha", "outcome", "ok").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("after the refusal");
        assertThat(traffic.submitErrors().total()).isEqualTo(errorsBefore + 1); // what the Carrier MBean shows
    }

    @Test
    void anMtWhoseValidityEndedBeforeItsTurnIsFailedBackExpiredAndNeverSubmitted() throws Exception {
        String phone = "+447700900608";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        core.sendMt(base + 1, phone, "too late", validityClock.instant().minusSeconds(1));
        core.sendMt(base + 2, phone, "in time", validityClock.instant().plus(Duration.ofHours(1)));

        Message expired = core.nextReportOfKind("processed", base + 1);
        assertThat(expired.getStringProperty("outcome")).isEqualTo("failed");
        assertThat(expired.getStringProperty("reason")).isEqualTo("EXPIRED");
        assertThat(expired.getStringProperty("detail")).contains("validity ended");
        assertThat(core.nextReportOfKind("processed", base + 2).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("in time");
        assertThat(rings.get(Direction.MT, "alpha").pointers().lastProcessed()).isEqualTo(base + 2);
    }

    @Test
    void anMtTheSmscKeepsRefusingForTheTimeBeingStopsBeingRetriedWhenItsValidityEnds() throws Exception {
        String phone = "+447700900609";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        long refusalsBefore = submitsTo(phone);
        core.sendMt(base + 1, phone, "#QFULL until it expires", validityClock.instant().plus(Duration.ofHours(1)));
        // retried with back-off while the SMSC's queue is full and the message still valid
        await().atMost(WAIT).until(() -> submitsTo(phone) >= refusalsBefore + 2);

        validityClock.advance(Duration.ofHours(2));
        Message expired = core.nextReportOfKind("processed", base + 1);
        assertThat(expired.getStringProperty("reason")).isEqualTo("EXPIRED");
        long refusals = submitsTo(phone);
        // stop-and-wait: once the next message is through, the expired one cannot be tried again
        core.sendMt(base + 2, phone, "next", validityClock.instant().plus(Duration.ofHours(1)));
        assertThat(core.nextReportOfKind("processed", base + 2).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(submitsTo(phone)).isEqualTo(refusals + 1);
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("next");
    }

    /** submit_sm the emulator received for this number, refused or not. */
    private static long submitsTo(String phone) {
        String digits = phone.substring(1); // international TON: the address goes without its '+'
        return smsc.traffic(Integer.MAX_VALUE).stream()
                .filter(pdu -> "submit_sm".equals(pdu.command()) && pdu.destination() != null
                        && pdu.destination().endsWith(digits)).count();
    }

    @Test
    void moGoesIntoTheRingAndAFullRingFillsTheIntakeLogThenMakesTheSmscRetryUntilTheCoreHasProcessedIt() throws Exception {
        String phone = "+447700900603";
        long deliveriesBefore = traffic.deliveries().total();
        for (int i = 0; i < MO_SLOTS + 2; i++) {
            smsc.originateMo(phone, null, "mo " + i);
        }
        List<Message> first = new ArrayList<>();
        for (int i = 0; i < MO_SLOTS; i++) {
            first.add(broker.receive("sluice.link.mo", WAIT));
        }
        assertThat(first).extracting(message -> message.getLongProperty("ring_seq")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(broker.receive("sluice.link.mo", Duration.ofMillis(500))).as("the ring is full").isNull();
        // one waits on disk in the intake log, the other is refused ESME_RMSGQFUL and retried (ADR 0038)
        assertThat(edge.intakeLog.pendingCount()).isEqualTo(EdgeSmppRoutes.MO_INTAKE_MAX_PENDING);
        await().atMost(WAIT).until(() -> smsc.stats().deliverRetries() > 0);

        for (long sequence = 1; sequence <= MO_SLOTS; sequence++) {
            broker.sendTyped("sluice.link.report.alpha", Map.of("link_kind", "processed", "direction", "mo",
                    "carrier", "alpha", "ring_seq", sequence), "processed");
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rest.add(((jakarta.jms.TextMessage) broker.receive("sluice.link.mo", WAIT)).getText());
        }
        assertThat(rest).containsExactly("mo 4", "mo 5");
        await().atMost(WAIT).until(() -> rings.get(Direction.MO, "alpha").pointers().lastProcessed() == MO_SLOTS);
        // stored deliveries (receipts of other tests' submits may arrive meanwhile; refused attempts do not count)
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(traffic.deliveries().total()).isGreaterThanOrEqualTo(deliveriesBefore + MO_SLOTS + 2));
        assertThat(meters.get("sluice.smsc.deliveries").tags("carrier", "alpha").counter().count())
                .isEqualTo(traffic.deliveries().total());
    }

    @Test
    void whatTheSmscsIdStandsForIsOnDiskWithTheOutcomeForAReceiptAfterARestart() throws Exception {
        String phone = "+447700900612";
        long sequence = rings.get(Direction.MT, "alpha").pointers().lastRetrieved() + 1;
        core.sendMt(sequence, phone, "its receipt may come after a restart");

        Message processed = core.nextReportOfKind("processed", sequence);
        String smscId = processed.getStringProperty(Headers.SMSC_ID);
        assertThat(smscId).isNotBlank();
        // an edge started afresh reads the correlations back before any route runs (ADR 0029)
        ReceiptCorrelator afterRestart = new ReceiptCorrelator(1000);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        new ReceiptCorrelations(jms, "alpha").loadInto(afterRestart);
        assertThat(afterRestart.lookup(smscId, Duration.ZERO)).hasValueSatisfying(submitted -> {
            assertThat(submitted.sluiceId()).isEqualTo("m" + sequence + "-" + phone);
            assertThat(submitted.sender()).isEqualTo("alice");
        });
    }

    @Test
    void aReceiptBecomesADeliveredEventForTheOriginalSender() throws Exception {
        receipts.remember("smsc-7", new ReceiptCorrelator.Submitted("m-7", "alice", "ref-7"));
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                SmppConstants.MESSAGE_TYPE, "DeliveryReceipt",
                SmppConstants.ID, "smsc-7",
                SmppConstants.FINAL_STATUS, DeliveryReceiptState.DELIVRD));

        Message event = core.eventAbout("m-7");
        assertThat(event.getStringProperty("status")).isEqualTo("delivered");
        assertThat(event.getStringProperty("sender")).isEqualTo("alice");
        assertThat(event.getStringProperty("client_ref")).isEqualTo("ref-7");
        assertThat(event.getStringProperty("sluice_id")).isEqualTo("m-7");
    }

    /**
     * The same message reported delivered twice: the SMSC repeats a receipt whose deliver_sm_resp it missed, and a
     * message submitted again after an edge's kill -9 gets a receipt per submission. The broker refuses a second
     * event with the same duplicate id and, in a transaction, the whole transaction: sent, it would fail the
     * receipts flow every time it was tried again, and no receipt behind it would ever be reported
     * (ReconnectIT: 17 of 200 senders heard "delivered"). It is not sent again, and the next receipt is reported.
     */
    @Test
    void aReceiptForAMessageAlreadyReportedDeliveredIsNotSentAgainAndHoldsUpNothing() throws Exception {
        receipts.remember("smsc-9a", new ReceiptCorrelator.Submitted("m-9", "alice", "ref-9"));
        receipts.remember("smsc-9b", new ReceiptCorrelator.Submitted("m-9", "alice", "ref-9")); // submitted again
        receipts.remember("smsc-10", new ReceiptCorrelator.Submitted("m-10", "alice", "ref-10"));
        deliveredReceipt("smsc-9a");
        assertThat(core.eventAbout("m-9").getStringProperty("status")).isEqualTo("delivered");

        deliveredReceipt("smsc-9a"); // repeated by the SMSC
        deliveredReceipt("smsc-9b"); // the second submission's
        deliveredReceipt("smsc-10");

        // other tests' receipts may come in between; none may be about m-9
        List<String> about = new ArrayList<>();
        for (Message event : core.eventsUntil("m-10")) {
            about.add(event.getStringProperty("sluice_id") + " " + event.getStringProperty("status"));
        }
        assertThat(about).doesNotContain("m-9 delivered").endsWith("m-10 delivered");
    }

    private void deliveredReceipt(String smscId) {
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                SmppConstants.MESSAGE_TYPE, "DeliveryReceipt",
                SmppConstants.ID, smscId,
                SmppConstants.FINAL_STATUS, DeliveryReceiptState.DELIVRD));
    }

    @Test
    void anUndeliverableReceiptBecomesAFailedEvent() throws Exception {
        receipts.remember("smsc-8", new ReceiptCorrelator.Submitted("m-8", "bob", null));
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                SmppConstants.MESSAGE_TYPE, "DeliveryReceipt",
                SmppConstants.ID, "smsc-8",
                SmppConstants.FINAL_STATUS, DeliveryReceiptState.UNDELIV,
                SmppConstants.ERROR, "001"));

        Message event = core.eventAbout("m-8");
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
        assertThat(((jakarta.jms.TextMessage) kept).getText()).isEqualTo("6e6f");
        assertThat(kept.getStringProperty("detail")).isEqualTo("MALFORMED_DELIVER_SM: not a receipt");
    }
}
