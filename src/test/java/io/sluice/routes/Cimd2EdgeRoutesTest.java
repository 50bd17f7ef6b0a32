package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.sluice.broker.CamelJms;
import io.sluice.edge.CarrierTraffic;
import io.sluice.edge.EdgeEvents;
import io.sluice.edge.ReportedEvents;
import io.sluice.edge.SmppBindState;
import io.sluice.edge.SmppUnansweredRebind;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.edge.OneAtATimeTransactionPolicy;
import io.sluice.edge.MoAssembly;
import io.sluice.edge.MoIntake;
import io.sluice.edge.intake.MoIntakeLog;
import io.sluice.edge.MoPartStore;
import io.sluice.edge.ReceiptCorrelations;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.edge.Cimd2BindState;
import io.sluice.edge.SmscHealthIndicator;
import io.sluice.edge.MtValidity;
import io.sluice.edge.SmscSubmit;
import io.sluice.edge.SmscSubmitMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestProperties;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.LinkMonitor;
import io.sluice.link.Resync;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.ring.Pointers;
import io.sluice.ring.RingStore;
import io.sluice.sms.cimd2.client.Cimd2Component;
import io.sluice.sms.cimd2.client.Cimd2Headers;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jms.core.JmsTemplate;

/**
 * The edge's SMSC routes for a CIMD2 carrier (routes/edge-cimd2 with the shared ring-mt-accept,
 * link-reports, ring-errors and smsc-errors) against a real in-VM broker and the SMSC emulator's CIMD2
 * server over TCP: the scenarios of {@link EdgeLinkRoutesTest} for SMPP, plus what only CIMD2 has
 * (repeated packet numbers, retransmission with the same number). The test plays the core.
 */
// One Camel context for the class; the unanswered-SMSC test runs last, as its message is retried for ever.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Cimd2EdgeRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** One MO text may wait on disk for room in the MO ring; the next is refused (ADR 0038). */
    private static final int MO_INTAKE_MAX_PENDING = 1;
    private MoIntakeLog intakeLog;
    private static final int MO_SLOTS = 4;
    private static final int MAX_TRANSMISSIONS = 3;
    private static final int MAX_PARTS = 4;
    private SimpleMeterRegistry meters;
    private static InVmBroker broker;
    /** The test plays the core. */
    private static CorePeer core;
    private static SmscEmulator smsc;
    private static ActiveMQConnectionFactory connectionFactory;
    private RingRegistry rings;
    private ReceiptCorrelator receipts;
    private MoAssembly assembly;

    /** Before the Camel context, which the per-class lifecycle creates ahead of {@code @BeforeAll}. */
    private static synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        broker = EdgeMoIntake.withMarkerQueue(new InVmBroker(), "alpha")
                .withRingStore(Direction.MT, "alpha")
                .withRingStore(Direction.MO, "alpha")
                .start("sluice.link.mt.alpha", "sluice.link.report.alpha", "sluice.link.mo", "sluice.link.report",
                        "sluice.mt.alpha", "sluice.events", "sluice.dead");
        core = new CorePeer(broker, MO_SLOTS, WAIT);
        // The emulator waits 1 s for 70/73 before sending the same packet again.
        smsc = new SmscEmulator(TestProperties.emulator("cimd2-port=0", "handshake-time=2ms", "receipt-delay=10ms",
                "mo-retry-interval=100ms", "response-timeout=1s"), Clock.systemUTC());
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
        Properties properties = new Properties();
        properties.put("sluice.edge.carrier", "alpha");
        properties.put("sluice.edge.smsc.host", "127.0.0.1");
        properties.put("sluice.edge.smsc.port", String.valueOf(smsc.cimd2Port()));
        properties.put("sluice.edge.smsc.system-id", "sluice");
        properties.put("sluice.edge.smsc.password", "secret");
        properties.put("sluice.edge.smsc.response-timeout", "500ms");
        properties.put("sluice.edge.smsc.reconnect-delay", "200ms");
        properties.put("sluice.edge.smsc.max-submits-per-second", "100");
        properties.put("sluice.edge.smsc.cimd2.alive-interval", "30s");
        properties.put("sluice.edge.smsc.cimd2.max-transmissions", String.valueOf(MAX_TRANSMISSIONS));
        properties.put("sluice.edge.smsc.cimd2.checksum", "true");
        properties.put("sluice.edge.smsc.cimd2.checksum-policy", "VERIFY_IF_PRESENT");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        connectionFactory = new ActiveMQConnectionFactory("vm://0?consumerWindowSize=0");
        rings = SiteLink.rings(connectionFactory, Map.of("alpha", MO_SLOTS));
        rings.get(Direction.MO, "alpha").markPositionKnown(); // as after the core's first heart-beat
        receipts = new ReceiptCorrelator(1000);
        LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
        EdgeLinkEnd link = new EdgeLinkEnd("alpha", "7777", rings, monitor,
                new Resync(Duration.ofSeconds(10), Clock.systemUTC()), receipts, Clock.systemUTC());
        context.getRegistry().bind("jms", CamelJms.component(connectionFactory));
        context.getRegistry().bind("cimd2", new Cimd2Component());
        context.getRegistry().bind("edgeRings", rings);
        context.getRegistry().bind("edgeLinkEnd", link);
        context.getRegistry().bind("edgeLinkBatches", BatchListener.all(rings, monitor));
        context.getRegistry().bind("smscSubmit", new SmscSubmit(true, MAX_PARTS));
        context.getRegistry().bind("mtValidity", new MtValidity(Clock.systemUTC()));
        context.getRegistry().bind("edgeEvents", new EdgeEvents("alpha", receipts, new ReportedEvents(broker.server())::contains));
        JmsTemplate correlationsJms = new JmsTemplate(connectionFactory);
        correlationsJms.setSessionTransacted(true); // joins the edgeTransaction, as on the edge
        context.getRegistry().bind("receiptCorrelations", new ReceiptCorrelations(correlationsJms, "alpha"));
        // named by the shared smsc-errors; it leaves CIMD2's failures alone
        context.getRegistry().bind("smppUnansweredRebind", new SmppUnansweredRebind(new SmppBindState()));
        meters = new SimpleMeterRegistry();
        context.getManagementStrategy().addEventNotifier(new SmscSubmitMeter(meters, new CarrierTraffic(System::currentTimeMillis), "alpha", "cimd2"));
        JmsTemplate partsJms = new JmsTemplate(connectionFactory);
        partsJms.setSessionTransacted(true);
        assembly = new MoAssembly(new MoPartStore(partsJms, "alpha"), link, Clock.systemUTC(), Duration.ofSeconds(60), 100);
        MoIntake intake = new MoIntake(link, assembly);
        context.getRegistry().bind("moIntake", intake);
        intakeLog = EdgeMoIntake.bind(context, connectionFactory, intake, "alpha", MO_INTAKE_MAX_PENDING, true);
        context.getRegistry().unbind("moIntakeLog"); // a second bind under the same name would add, not replace
        context.getRegistry().bind("moIntakeLog", new SlowOnRequestIntakeLog(intakeLog));
        context.getRegistry().bind("edgeTransaction", new OneAtATimeTransactionPolicy(new SessionReusingTransactionManager(connectionFactory)));
        EdgeSmscLoop.bind(context, connectionFactory, rings, "alpha", 1);
        for (String flow : List.of("edge/ring-errors", "edge/smsc-errors", "edge-cimd2/smsc-receive",
                "edge-cimd2/smsc-submit", "edge/ring-mt-accept", "edge/link-reports", EdgeMoIntake.FLOW)) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/" + flow + ".camel.yaml"));
        }
        return context;
    }

    @Test
    @Order(1)
    void mtFromTheCoreIsConfirmedSubmittedInSequenceOrderAndReportedProcessed() throws Exception {
        String phone = "+447700900801";
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
    @Order(2)
    void theSmscHealthIsUpWhileTheCimd2SessionIsLoggedIn() {
        SmscHealthIndicator health = new SmscHealthIndicator(new Cimd2BindState(context()), "cimd2", "emulator");
        await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));
        assertThat(health.health().getDetails().get("session")).isIn("READY", "AWAITING_RESPONSE");
    }

    @Test
    @Order(2)
    void aRefusalForGoodIsReportedProcessedWithTheFailure() throws Exception {
        String phone = "+447700900802";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        core.sendMt(base + 1, phone, "#REJECT this");
        core.sendMt(base + 2, phone, "after the refusal");

        Message failed = core.nextReportOfKind("processed", base + 1);
        assertThat(failed.getStringProperty("outcome")).isEqualTo("failed");
        assertThat(failed.getStringProperty("reason")).isEqualTo("SMSC_REJECTED");
        assertThat(failed.getStringProperty("detail")).contains("error 300", "Incorrect destination address");
        assertThat(core.nextReportOfKind("processed", base + 2).getStringProperty("outcome")).isEqualTo("ok");
        // the refusal and the next submit, timed by SmscSubmitMeter; the error counted by its code
        assertThat(meters.get("sluice.smsc.errors").tags("protocol", "cimd2", "code", "300").counter().count()).isEqualTo(1);
        assertThat(meters.get("sluice.smsc.handshake").tags("outcome", "error").timer().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("sluice.smsc.handshake").tags("carrier", "alpha", "outcome", "ok").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("after the refusal");
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    @Order(3)
    void theSmscsStatusReportBecomesADeliveredEventForTheOriginalSender() throws Exception {
        String phone = "+447700900803";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        core.sendMt(base + 1, phone, "report back");

        Message event = core.eventAbout("m" + (base + 1) + "-" + phone);
        assertThat(event.getStringProperty("status")).isEqualTo("delivered");
        assertThat(event.getStringProperty("sender")).isEqualTo("alice");
        assertThat(event.getStringProperty("smsc_id")).startsWith(phone + ":");
        await().atMost(WAIT).until(() -> smsc.stats().receiptsSent() >= 1);
        // the report took its message, on disk too: after a restart the next report under this id is not about it
        assertThat(event.propertyExists(ReceiptCorrelations.TAKEN_HEADER)).isFalse();
        ReceiptCorrelator afterRestart = new ReceiptCorrelator(1000);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        new ReceiptCorrelations(jms, "alpha").loadInto(afterRestart);
        assertThat(afterRestart.take(event.getStringProperty("smsc_id"), Duration.ZERO)).isEmpty();
        List<Boolean> onDisk = jms.browseSelected(ReceiptCorrelations.queueOf("alpha"),
                "smsc_id = '" + event.getStringProperty("smsc_id") + "'", (session, browser) -> {
                    List<Boolean> taken = new ArrayList<>();
                    for (var records = browser.getEnumeration(); records.hasMoreElements(); ) {
                        taken.add(((Message) records.nextElement()).propertyExists("taken"));
                    }
                    return taken;
                });
        // in either order: the report's transaction may commit before the bookkeeper's (an owed marker, ADR 0029)
        assertThat(onDisk).as("its record and the marker that it was taken").containsExactlyInAnyOrder(false, true);
    }

    @Test
    @Order(4)
    void aFailedStatusReportBecomesAFailedEventAndAnInterimOneNothing() throws Exception {
        receipts.remember("+447700900804:261127101010", new ReceiptCorrelator.Submitted("m-804", "bob", "ref-804"));
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                Cimd2Headers.MESSAGE_TYPE, Cimd2Headers.DELIVER_STATUS_REPORT,
                Cimd2Headers.MESSAGE_ID, "+447700900804:261127101010",
                Cimd2Headers.STATUS_CODE, 1)); // in process: not final, nothing to tell
        template.sendBodyAndHeaders("direct:smsc-receive", "", Map.of(
                Cimd2Headers.MESSAGE_TYPE, Cimd2Headers.DELIVER_STATUS_REPORT,
                Cimd2Headers.MESSAGE_ID, "+447700900804:261127101010",
                Cimd2Headers.STATUS_CODE, 3,
                Cimd2Headers.STATUS_ERROR_CODE, 1));

        Message event = core.eventAbout("m-804");
        assertThat(event.getStringProperty("status")).isEqualTo("failed");
        assertThat(event.getStringProperty("reason")).isEqualTo("UNDELIVERABLE");
        assertThat(event.getStringProperty("detail")).contains("DELIVERY_FAILED", "error 1");
        assertThat(event.getStringProperty("client_ref")).isEqualTo("ref-804");
    }

    @Test
    @Order(5)
    void moGoesIntoTheRingAndAFullRingFillsTheIntakeLogThenMakesTheSmscRetryUntilTheCoreHasProcessedIt() throws Exception {
        String phone = "+447700900805";
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();
        for (int i = 0; i < MO_SLOTS + 2; i++) {
            smsc.originateMo(phone, null, "mo " + i);
        }
        List<Message> first = new ArrayList<>();
        for (int i = 0; i < MO_SLOTS; i++) {
            first.add(broker.receive("sluice.link.mo", WAIT));
        }
        assertThat(first).extracting(message -> message.getLongProperty("ring_seq"))
                .containsExactly(base + 1, base + 2, base + 3, base + 4);
        assertThat(first.get(0).getStringProperty("sender")).isEqualTo(phone);
        assertThat(broker.receive("sluice.link.mo", Duration.ofMillis(500))).as("the ring is full").isNull();
        // one waits on disk in the intake log, the other is refused with error 10 and retried (ADR 0038)
        assertThat(intakeLog.pendingCount()).isEqualTo(MO_INTAKE_MAX_PENDING);
        await().atMost(WAIT).until(() -> smsc.stats().deliverRetries() > 0);

        for (long sequence = base + 1; sequence <= base + MO_SLOTS; sequence++) {
            processMo(sequence);
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rest.add(((TextMessage) broker.receive("sluice.link.mo", WAIT)).getText());
        }
        assertThat(rest).containsExactly("mo 4", "mo 5");
        processMo(base + 5);
        processMo(base + 6);
        await().atMost(WAIT).until(() -> rings.get(Direction.MO, "alpha").pointers().lastProcessed() == base + 6);
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    @Order(6)
    void aRepeatedPacketNumberIsAcknowledgedAgainButNotStoredTwice() throws Exception {
        String phone = "+447700900806";
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();
        // SlowOnRequestIntakeLog holds this one until the SMSC, tired of waiting, has sent it again
        smsc.originateMo(phone, null, "slow: stored once");
        smsc.originateMo(phone, null, "the next one");

        Message first = broker.receive("sluice.link.mo", WAIT);
        Message second = broker.receive("sluice.link.mo", WAIT);
        assertThat(((TextMessage) first).getText()).isEqualTo("slow: stored once");
        assertThat(((TextMessage) second).getText()).as("the repeat was not stored").isEqualTo("the next one");
        assertThat(second.getLongProperty("ring_seq")).isEqualTo(base + 2);
        List<TrafficRecord> sent = deliverMessagesOut("slow: stored once");
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent).extracting(TrafficRecord::sequence).containsOnly(sent.get(0).sequence());
        processMo(base + 1);
        processMo(base + 2);
        await().atMost(WAIT).until(() -> rings.get(Direction.MO, "alpha").pointers().lastProcessed() == base + 2);
    }

    @Test
    @Order(7)
    void aLongTextGoesAsConcatenatedPartsOneSubmitAtATime() throws Exception {
        String phone = "+447700900808";
        String text = "0123456789".repeat(20); // 200 GSM characters: two parts of at most 153
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        core.sendMt(base + 1, phone, text);

        assertThat(core.nextReportOfKind("processed", base + 1).getStringProperty("outcome")).isEqualTo("ok");
        List<ReceivedMessage> parts = smsc.handset(phone).messages();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).text() + parts.get(1).text()).isEqualTo(text);
        // 3GPP TS 23.040 concatenation UDH: 05 00 03, reference = low byte of the ring sequence, 2 parts, part n
        String reference = String.format("%02X", (base + 1) & 0xFF);
        assertThat(parts.get(0).rawHex()).startsWith("050003" + reference + "0201");
        assertThat(parts.get(1).rawHex()).startsWith("050003" + reference + "0202");
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    @Order(8)
    void aTextBeyondThePartLimitIsRefusedForGoodAndTheNextGoesOn() throws Exception {
        String phone = "+447700900809";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        core.sendMt(base + 1, phone, "y".repeat(153 * MAX_PARTS + 1));
        core.sendMt(base + 2, phone, "short one");

        Message refused = core.nextReportOfKind("processed", base + 1);
        assertThat(refused.getStringProperty("outcome")).isEqualTo("failed");
        assertThat(refused.getStringProperty("reason")).isEqualTo("TOO_LONG");
        assertThat(refused.getStringProperty("detail")).isEqualTo("Text needs 5 SMS parts (613 GSM characters); the limit is 4.");
        assertThat(core.nextReportOfKind("processed", base + 2).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text).containsExactly("short one");
    }

    @Test
    @Order(9)
    void moOfThreeUcs2PartsInShuffledOrderReachesTheMoRingAsOneText() throws Exception {
        String phone = "+447700900810";
        String text = "Καλημέρα από το κινητό, τρία κομμάτια σε τυχαία σειρά. ".repeat(3) + "Τέλος.";
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();

        smsc.originateMo(phone, null, text, true);

        Message mo = broker.receive("sluice.link.mo", WAIT);
        assertThat(((TextMessage) mo).getText()).isEqualTo(text);
        assertThat(mo.getStringProperty("sender")).isEqualTo(phone);
        assertThat(mo.getLongProperty("ring_seq")).isEqualTo(base + 1);
        assertThat(assembly.pendingCount()).isZero();
        processMo(base + 1);
        await().atMost(WAIT).until(() -> rings.get(Direction.MO, "alpha").pointers().lastProcessed() == base + 1);
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anSmscThatDoesNotAnswerGetsTheSameNumberAgainThenANewLoginAndTheSlotStaysUnprocessed() throws Exception {
        String phone = "+447700900807";
        long base = rings.get(Direction.MT, "alpha").pointers().lastRetrieved();
        long loginsBefore = smsc.stats().bindsTotal();
        core.sendMt(base + 1, phone, "#NORESP to me");

        await().atMost(WAIT).until(() -> smsc.stats().bindsTotal() > loginsBefore);
        List<TrafficRecord> attempts = smsc.traffic(10_000).stream()
                .filter(record -> "submit".equals(record.command()) && "in".equals(record.direction())
                        && "#NORESP to me".equals(record.text())).toList();
        assertThat(attempts.subList(0, MAX_TRANSMISSIONS)).extracting(TrafficRecord::sequence)
                .containsOnly(attempts.get(0).sequence());
        assertThat(rings.get(Direction.MT, "alpha").pointers().lastProcessed()).isEqualTo(base);
        assertThat(smsc.stats().violations()).isZero();
    }

    /**
     * The moIntakeLog bean, holding an MO whose text starts with "slow:" until the SMSC has sent it twice before
     * it is on disk (and answered).
     */
    public static final class SlowOnRequestIntakeLog {
        private final MoIntakeLog delegate;

        SlowOnRequestIntakeLog(MoIntakeLog delegate) {
            this.delegate = delegate;
        }

        public void append(Exchange exchange) throws Exception {
            String text = exchange.getMessage().getBody(String.class);
            if (text.startsWith("slow:")) {
                await().atMost(WAIT).until(() -> deliverMessagesOut(text).size() >= 2);
            }
            delegate.append(exchange);
        }

        public List<org.apache.camel.Message> move(Exchange exchange) throws Exception {
            return delegate.move(exchange);
        }
    }

    private static List<TrafficRecord> deliverMessagesOut(String text) {
        return smsc.traffic(10_000).stream().filter(record -> "deliver_message".equals(record.command())
                && "out".equals(record.direction()) && text.equals(record.text())).toList();
    }

    private static void processMo(long sequence) throws JMSException {
        broker.sendTyped("sluice.link.report.alpha", Map.of("link_kind", "processed", "direction", "mo",
                "carrier", "alpha", "ring_seq", sequence), "processed");
    }
}
