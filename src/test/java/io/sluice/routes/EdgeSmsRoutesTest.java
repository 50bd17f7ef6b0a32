package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.sluice.broker.CamelJms;
import io.sluice.edge.EdgeEvents;
import io.sluice.edge.ReportedEvents;
import io.sluice.broker.SessionReusingTransactionManager;
import io.sluice.edge.OneAtATimeTransactionPolicy;
import io.sluice.edge.MoAssembly;
import io.sluice.edge.MoIntake;
import io.sluice.edge.MoPartStore;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.edge.SmppBindState;
import io.sluice.edge.MtValidity;
import io.sluice.edge.SmscSubmit;
import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.HandsetView;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.util.TestProperties;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.LinkMonitor;
import io.sluice.link.Resync;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.ring.RingStore;
import io.sluice.sms.smpp.GuardedSmppBinding;
import io.sluice.sms.text.SmsPart;
import io.sluice.sms.text.SmsSplitter;
import io.sluice.sms.text.Udh;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jms.core.JmsTemplate;

/**
 * Long and non-Latin texts through the edge's SMPP routes (ADR 0007): MT cut into our parts and
 * joined by the emulator's handsets; MO parts stored durably and only whole messages in the MO ring.
 * Real YAML routes, a real in-VM broker and the SMSC emulator over TCP; the test plays the core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeSmsRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SLOTS = 8;
    private static final int MAX_PARTS = 4;
    private static final Duration REASSEMBLY_TIMEOUT = Duration.ofSeconds(2);
    private static final List<String> RECEIVE_FLOWS = List.of("edge/ring-errors", "edge-smpp/smsc-receive",
            "edge/mo-reassembly-timeout", EdgeMoIntake.FLOW);
    private final SmppBindState bindState = new SmppBindState();
    private static InVmBroker broker;
    /** The test plays the core. */
    private static CorePeer core;
    private static SmscEmulator smsc;
    private static ActiveMQConnectionFactory connectionFactory;
    private MoAssembly assembly;

    private static synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        broker = new InVmBroker();
        core = new CorePeer(broker, SLOTS, WAIT);
        for (String carrier : List.of("alpha", "beta")) {
            EdgeMoIntake.withMarkerQueue(broker, carrier)
                    .withRingStore(Direction.MT, carrier)
                    .withRingStore(Direction.MO, carrier);
        }
        broker.start("sluice.link.mt.alpha", "sluice.link.report.alpha", "sluice.link.mo", "sluice.link.report",
                "sluice.mt.alpha", "sluice.events", "sluice.dead", MoPartStore.queueOf("alpha"),
                MoPartStore.queueOf("beta"));
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
        Properties properties = edgeProperties("alpha");
        properties.put("sluice.edge.smsc.host", "127.0.0.1");
        properties.put("sluice.edge.smsc.port", String.valueOf(smsc.smppPort()));
        properties.put("sluice.edge.smsc.system-id", "sluice");
        properties.put("sluice.edge.smsc.password", "secret");
        properties.put("sluice.edge.smsc.system-type", "");
        properties.put("sluice.edge.smsc.enquire-link-interval", "30000");
        properties.put("sluice.edge.smsc.response-timeout", "5000");
        properties.put("sluice.edge.smsc.reconnect-delay", "200");
        properties.put("sluice.edge.smsc.max-submits-per-second", "100");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        GuardedSmppBinding.install(context); // as EdgeSite does: the raw short_message and esm_class as headers
        connectionFactory = new ActiveMQConnectionFactory("vm://0?consumerWindowSize=0");
        assembly = bindEdgeBeans(context, "alpha");
        context.getRegistry().bind("smscSubmit", new SmscSubmit(true, MAX_PARTS));
        context.getRegistry().bind("mtValidity", new MtValidity(Clock.systemUTC()));
        context.getRegistry().bind("smppBindState", bindState);
        context.getRegistry().bind("smppUnansweredRebind", new io.sluice.edge.SmppUnansweredRebind(bindState));
        EdgeSmscLoop.bind(context, connectionFactory, context.getRegistry().lookupByNameAndType("edgeRings",
                io.sluice.link.RingRegistry.class), "alpha", 1);
        for (String flow : List.of("edge/ring-errors", "edge/smsc-errors", "edge-smpp/smsc-receive", "edge-smpp/smsc-submit",
                "edge/ring-mt-accept", "edge/mo-reassembly-timeout", EdgeMoIntake.FLOW)) {
            loadRoute(context, flow);
        }
        return context;
    }

    @Test
    void mtOf161GsmCharactersArrivesAsOneTwoPartMessage() throws Exception {
        String phone = "+447700900701";
        String text = "Long GSM text with @, £ and è: " + "x".repeat(130);
        assertThat(text).hasSize(161);
        long sequence = nextMtSequence();

        core.sendMt(sequence, phone, text);

        await().atMost(WAIT).until(() -> smsc.handset(phone).messages().size() == 1);
        HandsetView handset = smsc.handset(phone);
        assertThat(handset.messages()).extracting(ReceivedMessage::text, ReceivedMessage::parts,
                ReceivedMessage::dataCoding).containsExactly(tuple(text, 2, 0));
        assertThat(handset.parts()).hasSize(2).allSatisfy(part -> assertThat(
                Udh.parse(HexFormat.of().parseHex(part.rawHex())).concatenation().orElseThrow().reference())
                .as("reference = low 8 bits of the ring sequence").isEqualTo((int) (sequence & 0xFF)));
        assertThat(core.nextReportOfKind("processed", sequence).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    void greekAndEmojiArriveIntactAsUcs2() throws Exception {
        String phone = "+447700900702";
        String greek = "Καλημέρα! Τι κάνεις;";
        String emoji = "Party 🎉🥳 at 8, bring 🍕! ".repeat(4);
        long first = nextMtSequence();

        core.sendMt(first, phone, greek);
        core.sendMt(first + 1, phone, emoji);

        await().atMost(WAIT).until(() -> smsc.handset(phone).messages().size() == 2);
        assertThat(smsc.handset(phone).messages()).extracting(ReceivedMessage::text, ReceivedMessage::dataCoding,
                ReceivedMessage::parts).containsExactly(tuple(greek, 8, 1), tuple(emoji, 8, 2));
        assertThat(core.nextReportOfKind("processed", first + 1).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    void aTextBeyondThePartLimitIsRefusedForGoodAndTheNextGoesOn() throws Exception {
        String phone = "+447700900703";
        long sequence = nextMtSequence();

        core.sendMt(sequence, phone, "y".repeat(153 * MAX_PARTS + 1));
        core.sendMt(sequence + 1, phone, "short one");

        Message refused = core.nextReportOfKind("processed", sequence);
        assertThat(refused.getStringProperty("outcome")).isEqualTo("failed");
        assertThat(refused.getStringProperty("reason")).isEqualTo("TOO_LONG");
        assertThat(refused.getStringProperty("detail")).isEqualTo("Text needs 5 SMS parts (613 GSM characters); the limit is 4.");
        assertThat(core.nextReportOfKind("processed", sequence + 1).getStringProperty("outcome")).isEqualTo("ok");
        assertThat(smsc.handset(phone).parts()).extracting(ReceivedMessage::text).containsExactly("short one");
    }

    @Test
    void moOfThreePartsInShuffledOrderReachesTheMoRingAsOneText() throws Exception {
        String phone = "+447700900704";
        String text = "Three parts from a phone, sent out of order by the network. ".repeat(6) + "The end.";

        long deliveredBefore = smsc.stats().moDelivered(); // other tests of this class deliver MO too
        smsc.originateMo(phone, null, text, true);

        TextMessage mo = nextMo(phone);
        assertThat(mo.getText()).isEqualTo(text);
        assertThat(mo.getStringProperty("to")).isEqualTo("7777");
        // the emulator counts a part once its deliver_sm_resp is in, which follows the intake log's sync
        await().atMost(WAIT).until(() -> smsc.stats().moDelivered() >= deliveredBefore + 3);
        assertThat(smsc.stats().moDelivered()).isEqualTo(deliveredBefore + 3);
        assertThat(storedParts("alpha")).as("parts removed with the whole message").isZero();
        assertThat(assembly.pendingCount()).isZero();
        assertThat(smsc.stats().violations()).isZero();
    }

    @Test
    void ucs2MoIsDecodedByOurLibrary() throws Exception {
        String phone = "+447700900705";

        smsc.originateMo(phone, null, "Γειά σου 👋", false);

        assertThat(nextMo(phone).getText()).isEqualTo("Γειά σου 👋");
    }

    @Test
    void anIncompleteMoIsReleasedAfterTheTimeoutWithAMarkerAndItsPartsRemoved() throws Exception {
        String phone = "+447700900706";
        List<SmsPart> parts = new SmsSplitter(3, () -> 77).split("first part ".repeat(14) + "second part ".repeat(13)
                + "third");
        assertThat(parts).hasSize(3);
        ProducerTemplate producer = template;

        Instant delivered = Instant.now();
        deliver(producer, phone, parts.get(0));
        deliver(producer, phone, parts.get(2));
        // moved from the intake log into the part store (ADR 0038)
        await().atMost(WAIT).until(() -> storedParts("alpha") == 2);

        TextMessage released = nextMo(phone);
        assertThat(Duration.between(delivered, Instant.now())).isGreaterThan(REASSEMBLY_TIMEOUT.minusMillis(500));
        assertThat(released.getText())
                .isEqualTo(parts.get(0).text() + "[part 2 of 3 missing]" + parts.get(2).text());
        assertThat(storedParts("alpha")).isZero();
    }

    @Test
    void aPendingPartSurvivesARestartOfTheEdgesRoutes() throws Exception {
        String phone = "+447700900707";
        String text = "Before the restart, ".repeat(8) + "and after it.";
        List<SmsPart> parts = new SmsSplitter(3, () -> 9).split(text);
        assertThat(parts).hasSize(2);

        CamelContext before = receivingEdge("beta");
        deliver(before.createProducerTemplate(), phone, parts.get(1));
        await().atMost(WAIT).until(() -> storedParts("beta") == 1); // moved from the intake log
        before.stop();

        CamelContext after = receivingEdge("beta");
        try {
            deliver(after.createProducerTemplate(), phone, parts.get(0));
            TextMessage mo = nextMo(phone);
            assertThat(mo.getText()).isEqualTo(text);
            assertThat(mo.getStringProperty("carrier")).isEqualTo("beta");
            assertThat(storedParts("beta")).isZero();
        } finally {
            after.stop();
        }
    }

    /** A second edge (carrier beta) with only its receiving routes, built from its stores as at start-up. */
    private CamelContext receivingEdge(String carrier) throws Exception {
        CamelContext context = new DefaultCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setOverrideProperties(edgeProperties(carrier));
        bindEdgeBeans(context, carrier);
        for (String flow : RECEIVE_FLOWS) {
            loadRoute(context, flow);
        }
        context.start();
        return context;
    }

    private static Properties edgeProperties(String carrier) {
        Properties properties = new Properties();
        properties.put("sluice.edge.carrier", carrier);
        return properties;
    }

    /** The beans the edge routes call, as EdgeSite wires them (the rings and parts loaded from their stores). */
    private static MoAssembly bindEdgeBeans(CamelContext context, String carrier) {
        RingRegistry rings = SiteLink.rings(connectionFactory, Map.of(carrier, SLOTS));
        rings.get(Direction.MO, carrier).markPositionKnown(); // as after the core's first heart-beat
        ReceiptCorrelator receipts = new ReceiptCorrelator(1000);
        LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
        EdgeLinkEnd link = new EdgeLinkEnd(carrier, "7777", rings, monitor,
                new Resync(Duration.ofSeconds(10), Clock.systemUTC()), receipts, Clock.systemUTC());
        MoAssembly assembly = new MoAssembly(new MoPartStore(transactedTemplate(), carrier), link, Clock.systemUTC(),
                REASSEMBLY_TIMEOUT, 100);
        context.getRegistry().bind("jms", CamelJms.component(connectionFactory));
        context.getRegistry().bind("edgeRings", rings);
        context.getRegistry().bind("edgeLinkEnd", link);
        context.getRegistry().bind("edgeLinkBatches", BatchListener.all(rings, monitor));
        context.getRegistry().bind("edgeEvents", new EdgeEvents(carrier, receipts, new ReportedEvents(broker.server())::contains));
        context.getRegistry().bind("moAssembly", assembly);
        MoIntake intake = new MoIntake(link, assembly);
        context.getRegistry().bind("moIntake", intake);
        try {
            // one directory per carrier for the class: a second context of a carrier is its edge restarted
            EdgeMoIntake.bind(context, connectionFactory, intake, carrier,
                    INTAKE_DIRECTORIES.computeIfAbsent(carrier, EdgeSmsRoutesTest::freshDirectory), 1000, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.getRegistry().bind("edgeTransaction",
                new OneAtATimeTransactionPolicy(new SessionReusingTransactionManager(connectionFactory)));
        return assembly;
    }

    private static final Map<String, java.nio.file.Path> INTAKE_DIRECTORIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static java.nio.file.Path freshDirectory(String carrier) {
        try {
            return java.nio.file.Files.createTempDirectory("mo-intake-" + carrier);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JmsTemplate transactedTemplate() {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        return jms;
    }

    private static void loadRoute(CamelContext context, String flow) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:routes/" + flow + ".camel.yaml"));
    }

    /** A deliver_sm of one part as camel-smpp and GuardedSmppBinding hand it to smsc-receive. */
    private static void deliver(ProducerTemplate producer, String phone, SmsPart part) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(SmppConstants.MESSAGE_TYPE, "DeliverSm");
        headers.put(SmppConstants.SOURCE_ADDR, phone.substring(1));
        headers.put(SmppConstants.SOURCE_ADDR_TON, (byte) 0x01);
        headers.put(SmppConstants.DEST_ADDR, "7777");
        headers.put(SmppConstants.DATA_CODING, part.dataCoding());
        headers.put(SmppConstants.ESM_CLASS, (byte) 0x40);
        headers.put(GuardedSmppBinding.SHORT_MESSAGE, part.shortMessage());
        producer.sendBodyAndHeaders("direct:smsc-receive", part.text(), headers);
    }

    private static int storedParts(String carrier) {
        return new MoPartStore(new JmsTemplate(broker.connectionFactory()), carrier).load().size();
    }

    private long nextMtSequence() {
        return context.getRegistry().lookupByNameAndType("edgeRings", RingRegistry.class)
                .get(Direction.MT, "alpha").pointers().lastRetrieved() + 1;
    }

    /** The next MO data message from this phone on the link to the core. */
    private static TextMessage nextMo(String phone) throws JMSException {
        for (Message mo = broker.receive("sluice.link.mo", WAIT); mo != null; mo = broker.receive("sluice.link.mo", WAIT)) {
            if (phone.equals(mo.getStringProperty("sender"))) {
                return (TextMessage) mo;
            }
        }
        throw new AssertionError("no MO from " + phone);
    }
}
