package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.JMSException;
import io.sluice.testsupport.FixedUsers;
import io.sluice.testsupport.TestBuddies;
import io.sluice.testsupport.BrokenSend;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.StoreHold;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.sluice.accounts.Buddies;
import io.sluice.carrier.CarrierRouter;
import io.sluice.im.ChatDispatcher;
import io.sluice.im.ConversationLinks;
import io.sluice.im.EdgeEventRelay;
import io.sluice.im.BackgroundSender;
import io.sluice.im.MoRouter;
import io.sluice.im.PhoneCommands;
import io.sluice.im.SenderRateLimit;
import io.sluice.im.Presence;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.link.CoreLinkEnd;
import io.sluice.link.LinkMonitor;
import io.sluice.link.MtOrigin;
import io.sluice.link.Resync;
import io.sluice.link.RingHandle;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Pointers;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import java.time.Clock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import io.sluice.broker.CamelJms;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The core's routes, loaded from the real YAML files in routes/core, against a real in-VM broker. */
// One Camel context for the class: a stopped context's JMS listeners must not race the next test's.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FixedUsers USERS = FixedUsers.of("alice", "bob", "dave", "erin");
    /** Messages a user may send at once here (far more than alice and bob send in all the tests), refilled one per 1000 s. */
    private static final int RATE_BURST = 12;
    private static InVmBroker broker;
    /** Deliveries to the routes of each message on {@code sluice.mt.alpha}, by {@code sluice_id}: 2 means it was rolled back once. */
    private static final Map<String, Integer> MT_DELIVERIES = new ConcurrentHashMap<>();
    private static final BrokenSend BROKEN_SEND = new BrokenSend();
    /** Holds ring-mt-send's batch open: its data message to the edge waits in the broker. */
    private static final StoreHold LINK_HOLD = new StoreHold("sluice.link.mt.alpha");
    private static ActiveMQConnectionFactory connectionFactory;
    private static BackgroundSender notices;
    private RingRegistry rings;

    @TempDir
    static Path data;

    /** Before the Camel context, which the per-class lifecycle creates ahead of {@code @BeforeAll}. */
    private static synchronized void startBroker() throws Exception {
        if (broker != null) {
            return;
        }
        broker = new InVmBroker()
                .withPlugin(BROKEN_SEND)
                .withPlugin(LINK_HOLD)
                .withPlugin(new ActiveMQServerMessagePlugin() {
                    @Override
                    public void beforeDeliver(ServerConsumer consumer, MessageReference reference) {
                        if ("sluice.mt.alpha".equals(reference.getMessage().getAddress())) {
                            MT_DELIVERIES.merge(reference.getMessage().getStringProperty("sluice_id"), 1, Integer::sum);
                        }
                    }
                })
                .withRingStore(Direction.MT, "alpha")
                .withRingStore(Direction.MO, "alpha")
                .withRingStore(Direction.MT, "beta")
                .withRingStore(Direction.MO, "beta")
                .start("sluice.outbox", "sluice.events", "sluice.mt.alpha", "sluice.link.mt.alpha", "sluice.link.mo",
                        "sluice.link.report", "sluice.link.report.alpha", "sluice.inbox.alice", "sluice.inbox.bob", "sluice.inbox.dave",
                        "sluice.mo.unroutable", "sluice.dead");
    }

    @AfterAll
    void stopBroker() throws Exception {
        // CamelTestSupport never stops a PER_CLASS context (only one made with createCamelContextPerClass):
        // left running, its SMPP producer and JMS listeners retried for the rest of the test JVM
        context().stop();
        notices.close();
        connectionFactory.close();
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        startBroker();
        CamelContext context = super.createCamelContext();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
        ConversationLinks links = new ConversationLinks(data.resolve("links-" + System.nanoTime() + ".properties"));
        CarrierRouter carriers = new CarrierRouter(Map.of("alpha", List.of("+44"), "beta", List.of("+4477")));
        rings = SiteLink.rings(connectionFactory, Map.of("alpha", 8, "beta", 8));
        rings.all().forEach(RingHandle::markPositionKnown); // as after the edges' first heart-beats
        LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC());
        context.getRegistry().bind("jms", CamelJms.component(connectionFactory));
        ChatDispatcher dispatcher = new ChatDispatcher(USERS, carriers, links, 20,
                new SenderRateLimit(0.001, RATE_BURST, System::nanoTime), List.of("+449"));
        context.getRegistry().bind("chatDispatcher", dispatcher);
        context.getRegistry().bind("chatDispatchBatches", dispatcher.tokensBackOnRollback());
        context.getRegistry().bind("edgeEventRelay", new EdgeEventRelay(USERS));
        context.getRegistry().bind("coreRings", rings);
        context.getRegistry().bind("mtOrigin", new MtOrigin(rings, Duration.ofSeconds(1), Duration.ofDays(1), Clock.systemUTC()));
        notices = new BackgroundSender(connectionFactory, "notices");
        Buddies buddies = TestBuddies.on(USERS);
        PhoneCommands phoneCommands = new PhoneCommands(buddies, new Presence(buddies, login -> false, notices));
        context.getRegistry().bind("coreLinkEnd", new CoreLinkEnd(rings, new MoRouter(USERS, links, phoneCommands), monitor,
                new Resync(Duration.ofSeconds(10), Clock.systemUTC()), Set.of("alpha", "beta"), Clock.systemUTC()));
        context.getRegistry().bind("coreLinkBatches", BatchListener.all(rings, monitor));
        for (String flow : List.of("ring-errors", "chat-dispatch", "edge-events", "ring-mt-send", "ring-mo-accept",
                "link-reports")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:routes/core/" + flow + ".camel.yaml"));
        }
        context.addRouteFromTemplate("ring-mt-send-alpha", "ring-mt-send", Map.of("carrier", "alpha"));
        return context;
    }

    @Test
    void chatToAUserLandsInTheirInboxAndTheSenderIsToldItWaitsThere() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "bob", "client_ref", "r1", "from", "mallory"), "hi bob");

        Message chat = broker.receive("sluice.inbox.bob", WAIT);
        assertThat(text(chat)).isEqualTo("hi bob");
        assertThat(chat.getStringProperty("from")).isEqualTo("alice");
        assertThat(chat.getStringProperty("type")).isEqualTo("chat");
        Message status = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(status.getStringProperty("status")).isEqualTo("accepted"); // delivered: InboxRoutesTest
        assertThat(status.getStringProperty("client_ref")).isEqualTo("r1");
        assertThat(status.getStringProperty("sluice_id")).isEqualTo(chat.getStringProperty("sluice_id"));
    }

    @Test
    void chatToAPhoneGoesToTheLongestPrefixCarrierWithTheSenderNamed() throws Exception {
        broker.send("sluice.outbox", "alice", Map.of("to", "+441632960001", "client_ref", "r2"), "hello");

        // through the carrier's MT ring onto the link, slot-indexed
        Message data = broker.receive("sluice.link.mt.alpha", WAIT);
        assertThat(text(data)).isEqualTo("alice: hello");
        assertThat(data.getStringProperty("to")).isEqualTo("+441632960001");
        assertThat(data.getStringProperty("sender")).isEqualTo("alice");
        assertThat(data.getStringProperty("carrier")).isEqualTo("alpha");
        long sequence = data.getLongProperty("ring_seq");
        assertThat(data.getIntProperty("ring_slot")).isEqualTo((int) (sequence % 8));
        // valid for the configured day from when the core accepted it (ADR 0019)
        Instant validUntil = Instant.ofEpochMilli(data.getLongProperty("valid_until"));
        assertThat(validUntil).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofDays(1)));
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("accepted");
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("sent");

        // the edge's reports, in any order, advance the ring and reach the sender as statuses
        report("processed", sequence, Map.of("outcome", "ok", "detail", "Accepted by the SMSC as 42."));
        report("confirmed", sequence, Map.of());
        Message processed = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(processed.getStringProperty("status")).isEqualTo("processed");
        assertThat(processed.getStringProperty("client_ref")).isEqualTo("r2");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(300))).as("no confirmed after processed").isNull();
        assertThat(rings.get(Direction.MT, "alpha").ring().slot(sequence)).get()
                .extracting(io.sluice.ring.Slot::isProcessed).isEqualTo(true);

        broker.send("sluice.outbox", "alice", Map.of("to", "+447700900001", "client_ref", "r3"), "to beta");
        assertThat(broker.receive("sluice.mt.beta", WAIT)).as("longest prefix: beta").isNotNull();
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("accepted");
    }

    @Test
    void aConfirmationRepeatedAfterAReplayTellsTheSenderOnce() throws Exception {
        RingHandle alpha = emptyMtRing("alpha");
        long sequence = sentBy("carol", alpha, "c-replayed");

        report("confirmed", sequence, Map.of());
        report("confirmed", sequence, Map.of()); // the edge confirms the replayed copy again
        report("processed", sequence, Map.of("outcome", "ok", "detail", "Accepted by the SMSC as 7."));

        assertThat(broker.receive("sluice.inbox.carol", WAIT).getStringProperty("status")).isEqualTo("confirmed");
        assertThat(broker.receive("sluice.inbox.carol", WAIT).getStringProperty("status")).isEqualTo("processed");
        assertThat(broker.receive("sluice.inbox.carol", Duration.ofMillis(300))).as("nothing twice").isNull();
    }

    @Test
    void anMtWhoseValidityEndedWhileItWaitedForTheRingIsFailedBackWithoutEnteringIt() throws Exception {
        String twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).toString();
        broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sender", "alice", "to", "+441632960002",
                "sluice_id", "stale-1", "client_ref", "r-stale", "sent_at", twoDaysAgo), "alice: stale");
        broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sender", "alice", "to", "+441632960002",
                "sluice_id", "fresh-1", "sent_at", Instant.now().toString()), "alice: fresh");

        Message expired = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(expired.getStringProperty("status")).isEqualTo("failed");
        assertThat(expired.getStringProperty("reason")).isEqualTo("EXPIRED");
        assertThat(expired.getStringProperty("client_ref")).isEqualTo("r-stale");
        // in order, one consumer: the first data message on the link is the fresh one
        assertThat(text(broker.receive("sluice.link.mt.alpha", WAIT))).isEqualTo("alice: fresh");
        assertThat(broker.receive("sluice.inbox.alice", WAIT).getStringProperty("status")).isEqualTo("sent");
    }

    @Test
    void badInputIsAnsweredWithAFailedStatusNamingTheReason() throws Exception {
        Map<String, String> cases = Map.of(
                "NO_RECIPIENT", "",
                "INVALID_NUMBER", "+12",
                "INVALID_RECIPIENT", "Not A User!",
                "UNKNOWN_USER", "zed",
                "NO_CARRIER", "+15550100",
                "BLOCKED_NUMBER", "+449090123456");
        for (var expected : cases.entrySet()) {
            Map<String, String> headers = expected.getValue().isEmpty()
                    ? Map.of("client_ref", expected.getKey())
                    : Map.of("to", expected.getValue(), "client_ref", expected.getKey());
            broker.send("sluice.outbox", "bob", headers, "text");
            Message status = broker.receive("sluice.inbox.bob", WAIT);
            assertThat(status.getStringProperty("status")).as(expected.getKey()).isEqualTo("failed");
            assertThat(status.getStringProperty("reason")).isEqualTo(expected.getKey());
            assertThat(status.getStringProperty("client_ref")).isEqualTo(expected.getKey());
        }
        broker.send("sluice.outbox", "bob", Map.of("to", "alice", "client_ref", "long"), "x".repeat(21));
        assertThat(broker.receive("sluice.inbox.bob", WAIT).getStringProperty("reason")).isEqualTo("TOO_LONG");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(200))).isNull();
    }

    @Test
    void textTheStompAcceptorFoundNotUtf8FailsWithInvalidTextAndGoesNowhere() throws Exception {
        // the marker StompTextCheck sets (StompBadInputIT sends the real bytes)
        broker.send("sluice.outbox", "bob", Map.of("to", "alice", "client_ref", "mangled",
                "sluice_invalid_text", "The text is not valid UTF-8 (from byte 3 of 12)."), "caf\uFFFD au lait");
        Message status = broker.receive("sluice.inbox.bob", WAIT);
        assertThat(status.getStringProperty("reason")).isEqualTo("INVALID_TEXT");
        assertThat(status.getStringProperty("detail")).isEqualTo("The text is not valid UTF-8 (from byte 3 of 12).");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(200))).as("nothing passed on").isNull();
    }

    @Test
    void aSenderOverTheRateIsToldSoAndNothingIsSent() throws Exception {
        // dave sends nothing in the other tests: his bucket is full
        for (int i = 0; i < RATE_BURST; i++) {
            broker.send("sluice.outbox", "dave", Map.of("to", "alice", "client_ref", "ok-" + i), "hello " + i);
            assertThat(broker.receive("sluice.inbox.dave", WAIT).getStringProperty("status")).isEqualTo("accepted");
            assertThat(broker.receive("sluice.inbox.alice", WAIT)).isNotNull();
        }
        broker.send("sluice.outbox", "dave", Map.of("to", "alice", "client_ref", "flood"), "one too many");
        Message status = broker.receive("sluice.inbox.dave", WAIT);
        assertThat(status.getStringProperty("status")).isEqualTo("failed");
        assertThat(status.getStringProperty("reason")).isEqualTo("RATE_LIMITED");
        assertThat(status.getStringProperty("client_ref")).isEqualTo("flood");
        assertThat(broker.receive("sluice.inbox.alice", Duration.ofMillis(200))).as("nothing passed on").isNull();
    }

    @Test
    void aBatchRolledBackGivesItsSendersRateTokensBack() throws Exception {
        // erin sends nothing in the other tests; her first message's batch fails once, then is taken again
        BROKEN_SEND.refuse("sluice.inbox.alice", 1);
        broker.send("sluice.outbox", "erin", Map.of("to", "alice", "client_ref", "again"), "taken twice");
        assertThat(broker.receive("sluice.inbox.erin", WAIT).getStringProperty("status")).isEqualTo("accepted");
        assertThat(BROKEN_SEND.left()).as("the first batch failed").isZero();
        assertThat(text(broker.receive("sluice.inbox.alice", WAIT))).isEqualTo("taken twice");

        for (int i = 1; i < RATE_BURST; i++) {
            broker.send("sluice.outbox", "erin", Map.of("to", "alice", "client_ref", "ok-" + i), "hello " + i);
            assertThat(broker.receive("sluice.inbox.erin", WAIT).getStringProperty("status"))
                    .as("message %d of %d: the rolled-back run cost nothing", i + 1, RATE_BURST).isEqualTo("accepted");
            assertThat(broker.receive("sluice.inbox.alice", WAIT)).isNotNull();
        }
        broker.send("sluice.outbox", "erin", Map.of("to", "alice", "client_ref", "flood"), "one too many");
        assertThat(broker.receive("sluice.inbox.erin", WAIT).getStringProperty("reason")).isEqualTo("RATE_LIMITED");
    }

    @Test
    void moFromTheEdgeIsDeliveredInSequenceOrderAndReportedProcessed() throws Exception {
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();
        sendMo(base + 2, "+441632960099", "and more");     // arrives first: held back
        assertThat(reportFor(base + 2).getStringProperty("link_kind")).isEqualTo("confirmed");
        assertThat(broker.receive("sluice.inbox.bob", Duration.ofMillis(300))).isNull();
        sendMo(base + 1, "+441632960099", "@bob hi there");

        Message first = broker.receive("sluice.inbox.bob", WAIT);
        assertThat(text(first)).isEqualTo("hi there");
        assertThat(first.getStringProperty("from")).isEqualTo("+441632960099");
        assertThat(text(broker.receive("sluice.inbox.bob", WAIT))).isEqualTo("and more");
        assertThat(reportFor(base + 1).getStringProperty("link_kind")).isEqualTo("processed");
        assertThat(reportFor(base + 2).getStringProperty("link_kind")).isEqualTo("processed");

        sendMo(base + 1, "+441632960099", "@bob hi there"); // a replay
        Message again = reportFor(base + 1);
        assertThat(again.getStringProperty("link_kind")).isEqualTo("processed");
        assertThat(broker.receive("sluice.inbox.bob", Duration.ofMillis(300))).as("not delivered twice").isNull();
    }

    @Test
    void anMoWithoutConversationIsKeptAndThePhoneGetsAHowToReply() throws Exception {
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();
        sendMo(base + 1, "+441632960097", "hello?");
        assertThat(text(broker.receive("sluice.mo.unroutable", WAIT))).isEqualTo("hello?");
        Message reply = broker.receive("sluice.link.mt.alpha", WAIT);
        assertThat(reply.getStringProperty("to")).isEqualTo("+441632960097");
        assertThat(text(reply)).isEqualTo(io.sluice.im.SmsReplies.HELP);
    }

    @Test
    void aPhoneManagesItsBuddiesBySmsAndEachAnswerIsOneSms() throws Exception {
        String phone = "+441632960095";
        long base = rings.get(Direction.MO, "alpha").pointers().lastRetrieved();
        sendMo(base + 1, phone, "ADD bob");
        assertThat(text(replyTo(phone))).isEqualTo("Sluice: bob is on your buddy list. WHO shows who is online.");
        sendMo(base + 2, phone, "who");
        assertThat(text(replyTo(phone))).isEqualTo("Sluice: Offline: bob.");
        sendMo(base + 3, phone, "DEL bob");
        assertThat(text(replyTo(phone))).isEqualTo("Sluice: bob is off your buddy list.");
        sendMo(base + 4, phone, "ADD nobody");
        assertThat(text(replyTo(phone))).startsWith("Sluice: ").contains("nobody");
        sendMo(base + 5, phone, "HELP");
        assertThat(text(replyTo(phone))).isEqualTo(io.sluice.im.SmsReplies.HELP);
    }

    private static Message replyTo(String phone) throws JMSException {
        Message reply = broker.receive("sluice.link.mt.alpha", WAIT);
        assertThat(reply).as("an SMS back to the phone").isNotNull();
        assertThat(reply.getStringProperty("to")).isEqualTo(phone);
        return reply;
    }

    @Test
    void anEdgeEventBecomesAStatusForTheSender() throws Exception {
        broker.send("sluice.events", "edge-alpha", Map.of("carrier", "alpha", "sender", "alice", "status", "processed",
                "sluice_id", "m-1", "client_ref", "r9", "detail", "Accepted by the SMSC as 42."), "x");
        Message status = broker.receive("sluice.inbox.alice", WAIT);
        assertThat(status.getStringProperty("status")).isEqualTo("processed");
        assertThat(status.getStringProperty("client_ref")).isEqualTo("r9");

        broker.send("sluice.events", "edge-alpha", Map.of("carrier", "alpha", "sender", "alice", "status", "bogus"), "x");
        assertThat(broker.receive("sluice.dead", WAIT).getStringProperty("detail")).contains("bogus");

        // kept for inspection without the event's duplicate id: a second one on sluice.dead would make the broker
        // refuse the whole group commit every time it was tried
        broker.send("sluice.events", "edge-alpha", Map.of("carrier", "alpha", "sender", "nobody", "status", "delivered",
                "sluice_id", "m-2", "_AMQ_DUPL_ID", "m-2:delivered"), "x");
        Message kept = broker.receive("sluice.dead", WAIT);
        assertThat(kept.getStringProperty("detail")).contains("nobody");
        assertThat(kept.propertyExists("_AMQ_DUPL_ID")).isFalse();
    }

    @Test
    void aBurstLongerThanTheRingEndsItsBatchWhenTheRingIsFullSoNothingIsRolledBack() throws Exception {
        RingHandle mt = emptyMtRing("alpha");
        for (int i = 1; i <= 12; i++) { // Sluice's own replies (no sender): no statuses to read
            broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sluice_id", "burst-" + i,
                    "to", "+4416329600" + (10 + i)), "burst " + i);
        }

        // the ring takes 8; the batch that filled it committed, so they reach the edge with no report yet
        List<String> arrived = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            arrived.add(text(broker.receive("sluice.link.mt.alpha", WAIT)));
        }
        for (int i = 1; i <= 8; i++) {
            assertThat(MT_DELIVERIES.get("burst-" + i)).as("burst %d delivered to the route once: no rollback", i)
                    .isEqualTo(1);
        }
        // the edge processes them; the other 4 follow, in order
        for (Slot slot : mt.ring().slots()) {
            report("processed", slot.sequence(), Map.of("outcome", "ok")); // all 8 slots hold the burst now
        }
        for (int i = 9; i <= 12; i++) {
            arrived.add(text(broker.receive("sluice.link.mt.alpha", WAIT)));
        }
        assertThat(arrived).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "burst " + i).toList());
        emptyMtRing("alpha");
    }

    @Test
    void aBatchOfReportsRolledBackPutsBackEveryRingItTouchedAndEachSenderIsToldOnce() throws Exception {
        RingHandle alpha = emptyMtRing("alpha");
        RingHandle beta = emptyMtRing("beta");
        long a1 = sentBy("carol", alpha, "a1");
        long a2 = sentBy("carol", alpha, "a2");
        long b1 = sentBy("carol", beta, "b1");
        context.getRouteController().stopRoute("link-reports");
        report("alpha", "processed", a1, Map.of("outcome", "ok"));
        report("alpha", "processed", a2, Map.of("outcome", "ok"));
        report("beta", "processed", b1, Map.of("outcome", "ok"));
        // writing beta's slot breaks the connection of the batch that holds all three reports
        BROKEN_SEND.arm(BrokenSend.toRingStore(Direction.MT, "beta"), 1);

        context.getRouteController().startRoute("link-reports");

        List<String> told = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message status = broker.receive("sluice.inbox.carol", WAIT);
            assertThat(status).as("status %d", i + 1).isNotNull();
            assertThat(status.getStringProperty("status")).isEqualTo("processed");
            told.add(status.getStringProperty("sluice_id"));
        }
        assertThat(told).containsExactly("a1", "a2", "b1");
        assertThat(broker.receive("sluice.inbox.carol", Duration.ofMillis(300))).as("no status twice").isNull();
        assertThat(BROKEN_SEND.left()).as("the batch was broken").isZero();
        for (RingHandle ring : List.of(alpha, beta)) {
            assertThat(ring.pointers()).as("ring %s in memory and as committed", ring.name())
                    .isEqualTo(ring.storedRing().pointers());
            assertThat(ring.ring().slots()).as("ring %s slot for slot", ring.name()).isEqualTo(ring.storedRing().slots());
        }
    }

    @Test
    void reportsRolledBackWhileAnMtBatchIsOpenLeaveItsSequencesSoEveryMtKeepsItsOwn() throws Exception {
        RingHandle alpha = emptyMtRing("alpha");
        long reported = sentBy("carol", alpha, "before");
        LINK_HOLD.arm();
        broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sluice_id", "held", "to", "+441632960021"),
                "held");
        assertThat(LINK_HOLD.awaitHeld(WAIT)).as("ring-mt-send holds a retrieved slot, not committed").isTrue();

        // a report's batch alone fails, writing its slot record, and rolls back; the MT batch stays open
        BROKEN_SEND.refuse(BrokenSend.toRingStore(Direction.MT, "alpha"), 1);
        report("processed", reported, Map.of("outcome", "ok"));
        Message processed = broker.receive("sluice.inbox.carol", WAIT);
        assertThat(processed.getStringProperty("status")).as("told once the report was redelivered").isEqualTo("processed");
        assertThat(BROKEN_SEND.left()).as("the report's batch failed").isZero();
        assertThat(MT_DELIVERIES.get("held")).as("the MT batch was not rolled back").isEqualTo(1);

        LINK_HOLD.release();
        broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sluice_id", "after", "to", "+441632960022"),
                "after");
        Message held = broker.receive("sluice.link.mt.alpha", WAIT);
        Message after = broker.receive("sluice.link.mt.alpha", WAIT);
        assertThat(text(held)).isEqualTo("held");
        assertThat(text(after)).isEqualTo("after");
        assertThat(held.getLongProperty("ring_seq")).isEqualTo(reported + 1);
        assertThat(after.getLongProperty("ring_seq")).as("not the held one's sequence again").isEqualTo(reported + 2);
        // a sequence handed out twice would have been refused as a duplicate link message and rolled back
        assertThat(MT_DELIVERIES.get("held")).as("held: delivered to the route once").isEqualTo(1);
        assertThat(MT_DELIVERIES.get("after")).as("after: delivered to the route once").isEqualTo(1);
        assertThat(alpha.pointers()).as("memory as committed").isEqualTo(alpha.storedRing().pointers());
        assertThat(alpha.ring().slots()).as("slot for slot").isEqualTo(alpha.storedRing().slots());
        emptyMtRing("alpha");
    }

    @Test
    void aProcessedReportRolledBackAfterAWaitingMtTookItsSlotStillTellsItsSender() throws Exception {
        RingHandle alpha = emptyMtRing("alpha");
        long owed = sentBy("carol", alpha, "owed");
        for (int i = 1; i < alpha.capacity(); i++) {
            sentBy("carol", alpha, "fill-" + i);
        }
        long waiting = owed + alpha.capacity(); // the ring is full: the next MT waits for owed's slot
        // the report's batch fails at the status it sends carol, once the waiting MT has taken the slot it freed
        BROKEN_SEND.refuse(message -> "sluice.inbox.carol".equals(message.getAddress()) && slotTaken(alpha, waiting), 1);
        broker.sendTyped("sluice.mt.alpha", Map.of("carrier", "alpha", "sluice_id", "waiting", "to", "+441632960023"),
                "waiting");
        report("processed", owed, Map.of("outcome", "failed", "reason", "UNDELIVERABLE", "detail", "refused by the SMSC"));

        Message mt = broker.receive("sluice.link.mt.alpha", WAIT);
        assertThat(text(mt)).isEqualTo("waiting");
        assertThat(mt.getLongProperty("ring_seq")).isEqualTo(waiting);
        Message status = broker.receive("sluice.inbox.carol", WAIT);
        assertThat(BROKEN_SEND.left()).as("the report's first batch failed").isZero();
        assertThat(status).as("told once the report came again, from the stranded record").isNotNull();
        assertThat(status.getStringProperty("sluice_id")).isEqualTo("owed");
        assertThat(status.getStringProperty("status")).isEqualTo("failed");
        assertThat(alpha.ring().slot(owed)).as("the slot stays the waiting MT's").isEmpty();
        assertThat(alpha.pointers()).as("memory as committed").isEqualTo(alpha.storedRing().pointers());
        emptyMtRing("alpha");
    }

    /** Waits (bounded) for {@code sequence} to be in the ring: a broker plugin's predicate, on a sending thread. */
    private static boolean slotTaken(RingHandle ring, long sequence) {
        await().atMost(WAIT).until(() -> ring.ring().slot(sequence).isPresent());
        return true;
    }

    private static void sendMo(long sequence, String phone, String text) throws JMSException {
        broker.sendTyped("sluice.link.mo", Map.of("ring_seq", sequence, "ring_slot", (int) (sequence % 8),
                "direction", "mo", "carrier", "alpha", "sluice_id", "mo-" + sequence + phone, "sender", phone,
                "to", "7777"), text);
    }

    /** The next report to the edge about this MO sequence (reports about other tests' messages are skipped). */
    private static Message reportFor(long sequence) throws JMSException {
        for (Message report = broker.receive("sluice.link.report.alpha", WAIT); report != null;
             report = broker.receive("sluice.link.report.alpha", WAIT)) {
            if (report.getLongProperty("ring_seq") == sequence) {
                return report;
            }
        }
        throw new AssertionError("no report about MO sequence " + sequence);
    }

    private static void report(String kind, long sequence, Map<String, String> extra) throws JMSException {
        report("alpha", kind, sequence, extra);
    }

    private static void report(String carrier, String kind, long sequence, Map<String, String> extra) throws JMSException {
        Map<String, Object> headers = new java.util.HashMap<>(extra);
        headers.putAll(Map.of("link_kind", kind, "direction", "mt", "carrier", carrier, "ring_seq", sequence));
        broker.sendTyped("sluice.link.report", headers, kind);
    }

    /**
     * The carrier's MT ring with every slot processed, as the edge would report (other tests leave
     * Sluice's replies and an MT of alice's in it); the statuses that tells their senders are taken.
     */
    private RingHandle emptyMtRing(String carrier) throws JMSException {
        RingHandle mt = rings.get(Direction.MT, carrier);
        List<Slot> left = mt.ring().slots().stream().filter(slot -> slot != null && !slot.isProcessed()).toList();
        for (Slot slot : left) {
            report(carrier, "processed", slot.sequence(), Map.of("outcome", "ok"));
        }
        await().atMost(WAIT).until(() -> mt.ring().occupancy() == 0);
        for (Slot slot : left) {
            if (slot.payload().sender() != null) {
                Message status = broker.receive("sluice.inbox." + slot.payload().sender(), WAIT);
                assertThat(status).as("the processed status of %s", slot.messageId()).isNotNull();
                assertThat(status.getStringProperty("sluice_id")).isEqualTo(slot.messageId());
            }
        }
        return mt;
    }

    /** An MT of {@code sender} in the ring and sent, as ring-mt-send leaves it: its sequence. */
    private static long sentBy(String sender, RingHandle mt, String id) throws Exception {
        return mt.retrieveAndSend(new Payload(id, sender, "+441632960099", null, "text " + id, null), Instant.now(),
                Duration.ZERO).sequence();
    }

    private static String text(Message message) throws JMSException {
        assertThat(message).as("a message arrived").isNotNull();
        return ((TextMessage) message).getText();
    }
}
