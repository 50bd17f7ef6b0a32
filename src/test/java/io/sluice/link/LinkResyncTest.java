package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.sluice.accounts.Buddies;
import io.sluice.edge.ReceiptCorrelator;
import io.sluice.im.BackgroundSender;
import io.sluice.im.ConversationLinks;
import io.sluice.im.MoRouter;
import io.sluice.im.PhoneCommands;
import io.sluice.im.Presence;
import io.sluice.ring.Direction;
import io.sluice.ring.RingSizes;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import io.sluice.testsupport.FixedUsers;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.LinkBrokers;
import io.sluice.testsupport.TestBuddies;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ends of a carrier link, each with its rings on its own real broker, exchanging data, reports
 * and heart-beats in an order the test chooses: the order two independent sends from one end can
 * take through the brokers (ADR 0024). The re-synchronisation must tell a mirror whose heart-beat was
 * overtaken by its own next confirmation from a mirror that lost its store.
 */
class LinkResyncTest {

    private static final String CARRIER = "alpha";
    private static final int SLOTS = 8;
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path data;

    private InVmBroker coreBroker;
    private EmbeddedActiveMQ edgeBroker;
    private ActiveMQConnectionFactory coreFactory;
    private ActiveMQConnectionFactory edgeFactory;
    private BackgroundSender notices;
    private final CamelContext camel = new DefaultCamelContext();
    private LinkMonitor coreMonitor;
    private CoreLinkEnd core;
    private MtOrigin mtOrigin;
    private RingRegistry coreRings;
    private RingRegistry edgeRings;
    private EdgeLinkEnd edge;

    @BeforeEach
    void startBothSites() throws Exception {
        coreBroker = new InVmBroker().withRingStore(Direction.MT, CARRIER)
                .withRingStore(Direction.MO, CARRIER).start();
        coreFactory = new ActiveMQConnectionFactory("vm://0");
        ConfigurationImpl edgeConfiguration = LinkBrokers.plain("edge", "vm://1");
        SiteLink.ringQueues(List.of(CARRIER)).forEach(edgeConfiguration::addQueueConfiguration);
        edgeBroker = new EmbeddedActiveMQ().setConfiguration(edgeConfiguration).start();
        edgeFactory = new ActiveMQConnectionFactory("vm://1");

        coreRings = SiteLink.rings(coreFactory, Map.of(CARRIER, SLOTS));
        coreRings.all().forEach(RingHandle::markPositionKnown);
        coreMonitor = new LinkMonitor(Duration.ofSeconds(5), CLOCK);
        FixedUsers users = FixedUsers.of("alice");
        Buddies buddies = TestBuddies.on(users);
        notices = new BackgroundSender(coreFactory, "notices");
        MoRouter moRouter = new MoRouter(users, new ConversationLinks(data.resolve("links.properties")),
                new PhoneCommands(buddies, new Presence(buddies, login -> false, notices)));
        core = new CoreLinkEnd(coreRings, moRouter, coreMonitor, new Resync(Duration.ofSeconds(10), CLOCK),
                Set.of(CARRIER), CLOCK);
        mtOrigin = new MtOrigin(coreRings, Duration.ZERO, Duration.ofDays(1), CLOCK);
        startEdge();
    }

    /** The edge process (again): its rings as its store has them. */
    private void startEdge() {
        startEdge(RingSizes.both(SLOTS));
    }

    private void startEdge(RingSizes sizes) {
        edgeRings = SiteLink.ringsOfSizes(edgeFactory, Map.of(CARRIER, sizes), true, Direction.MO);
        edgeRings.get(Direction.MO, CARRIER).markPositionKnown();
        edge = new EdgeLinkEnd(CARRIER, "7777", edgeRings, new LinkMonitor(Duration.ofSeconds(5), CLOCK),
                new Resync(Duration.ofSeconds(10), CLOCK), new ReceiptCorrelator(100), CLOCK);
    }

    @AfterEach
    void stopBothSites() throws Exception {
        notices.close();
        coreFactory.close();
        edgeFactory.close();
        coreBroker.close();
        edgeBroker.stop();
        camel.close();
    }

    @Test
    void aHeartBeatOvertakenByTheEdgesNextConfirmationIsNoSignOfALostStore() {
        for (int i = 1; i <= 3; i++) {
            toCore(toEdge(sendMt(i), edge::acceptMt));
        }
        heartBeatsBothWays();

        List<Message> fourth = sendMt(4);
        Message beat = single(edge.heartbeats(exchange()), LinkMessages.TO_CORE); // Last Confirmed 3
        List<Message> answers = toCore(toEdge(fourth, edge::acceptMt)); // the core has 4 confirmed now...
        answers.addAll(core.onReport(exchange(beat))); // ...when the earlier heart-beat arrives

        assertThat(kinds(answers)).doesNotContain(LinkHeaders.KIND_REBUILD);
        assertThat(coreMonitor.state(CARRIER).rebuilds()).isZero();
        assertThat(edgeRings.get(Direction.MT, CARRIER).ring().floor()).isZero();
    }

    @Test
    void anEdgeThatLostItsStoreIsStillRebuiltFromTheCoresRing() throws Exception {
        for (int i = 1; i <= 4; i++) {
            toCore(toEdge(sendMt(i), edge::acceptMt));
        }
        for (long sequence = 1; sequence <= 2; sequence++) { // what MtOutcomes does after the SMSC's answer
            edgeRings.get(Direction.MT, CARRIER).process(sequence);
            toCore(edge.submitted(exchange(LinkHeaders.SEQUENCE, sequence)));
        }
        heartBeatsBothWays();

        for (Direction direction : Direction.values()) { // the disk replaced
            for (String shard : RingStore.shardsOf(RingStore.storeOf(direction, CARRIER))) {
                edgeBroker.getActiveMQServer().locateQueue(shard).deleteAllReferences();
            }
        }
        startEdge();
        for (Message beat : core.heartbeats(exchange())) {
            edge.onReport(exchange(beat));
        }
        List<Message> answers = core.onReport(exchange(single(edge.heartbeats(exchange()), LinkMessages.TO_CORE)));

        Message rebuild = answers.stream().filter(m -> LinkHeaders.KIND_REBUILD.equals(m.getHeader(LinkHeaders.KIND)))
                .findFirst().orElseThrow(() -> new AssertionError("no rebuild in " + kinds(answers)));
        assertThat(rebuild.getHeader(LinkHeaders.FLOOR, Long.class)).isEqualTo(2L);
        assertThat(answers).filteredOn(m -> LinkMessages.mtData(CARRIER).equals(destination(m)))
                .extracting(m -> m.getHeader(LinkHeaders.SEQUENCE, Long.class)).containsExactly(3L, 4L);
        assertThat(coreMonitor.state(CARRIER).rebuilds()).isEqualTo(1);
    }

    @Test
    void anEdgeRestartedWithALargerMoRingStillDeliversWhatWasInFlightOnceAndBothEndsSeeTheSizesDiffer()
            throws Exception {
        for (int i = 1; i <= 10; i++) { // round the edge's 8 slots once: delivered, reported processed
            List<Message> answers = toCore(edge.sendMo(exchange(), "+447700900001", "7777", "mo " + i), core::acceptMo);
            addressedTo(answers, LinkMessages.toEdge(CARRIER)).forEach(report -> edge.onReport(exchange(report)));
        }
        assertThat(edgeRings.get(Direction.MO, CARRIER).ring().pointers().lastProcessed()).isEqualTo(10);
        List<Message> mo = new ArrayList<>();
        for (int i = 11; i <= 15; i++) {
            mo.addAll(edge.sendMo(exchange(), "+447700900001", "7777", "mo " + i));
        }
        toCore(mo.subList(0, 2), core::acceptMo); // the WAN loses 13 to 15

        startEdge(new RingSizes(SLOTS, 2 * SLOTS)); // its MO store re-homed into 16 slots (ADR 0039)
        RingHandle edgeMo = edgeRings.get(Direction.MO, CARRIER);
        assertThat(edgeMo.ring().pointers().lastSent()).isEqualTo(15);
        assertThat(edgeMo.ring().slot(13)).get().extracting(Slot::address).isEqualTo(13);
        List<Message> fromEdge = new ArrayList<>();
        core.heartbeats(exchange()).forEach(beat -> fromEdge.addAll(edge.onReport(exchange(beat))));
        fromEdge.addAll(edge.heartbeats(exchange()));
        toCore(addressedTo(fromEdge, LinkMessages.MO_DATA), core::acceptMo);
        toCore(fromEdge);

        RingHandle coreMo = coreRings.get(Direction.MO, CARRIER);
        assertThat(coreMo.ring().pointers().lastConfirmed()).as("13 to 15 replayed after the restart").isEqualTo(15);
        for (long sequence = 11; sequence <= 15; sequence++) {
            assertThat(coreMo.ring().slot(sequence)).get().extracting(slot -> slot.payload().text())
                    .isEqualTo("mo " + sequence);
        }
        assertThat(coreMo.peerCapacity()).hasValue(2 * SLOTS);
        assertThat(edgeMo.peerCapacity()).hasValue(SLOTS);
        assertThat(coreRings.get(Direction.MT, CARRIER).peerCapacity()).hasValue(SLOTS);
    }

    @Test
    void anEdgeWhoseMoRingIsLargerThanTheCoresRunsWithinTheCoresAndAGapLosesNothing() throws Exception {
        startEdge(new RingSizes(SLOTS, 2 * SLOTS)); // the edge has 16 MO slots, the core 8
        heartBeatsBothWays();
        RingHandle edgeMo = edgeRings.get(Direction.MO, CARRIER);
        assertThat(edgeMo.ring().window()).as("the core's size, heard").isEqualTo(SLOTS);

        List<Message> mo = new ArrayList<>();
        for (int i = 1; i <= SLOTS; i++) {
            mo.addAll(moFromPhone(i));
        }
        assertThatThrownBy(() -> moFromPhone(SLOTS + 1)).as("9 would take 1's slot at the core, 1 not processed yet")
                .isInstanceOf(ProcessRequestException.class);
        List<Message> atCore = new ArrayList<>();
        for (Message data : addressedTo(mo, LinkMessages.MO_DATA)) {
            if (data.getHeader(LinkHeaders.SEQUENCE, Long.class) != 3) { // the WAN loses 3
                atCore.addAll(core.acceptMo(exchange(data)));
            }
        }
        addressedTo(atCore, LinkMessages.toEdge(CARRIER)).forEach(report -> edge.onReport(exchange(report)));
        for (int i = SLOTS + 1; i <= SLOTS + 2; i++) { // 1 and 2 processed: 9 and 10 may go, and reach the core
            atCore.addAll(toCore(moFromPhone(i), core::acceptMo));
        }

        startEdge(new RingSizes(SLOTS, 2 * SLOTS)); // a restart: the link re-synchronises and replays
        List<Message> fromEdge = new ArrayList<>();
        core.heartbeats(exchange()).forEach(beat -> fromEdge.addAll(edge.onReport(exchange(beat))));
        fromEdge.addAll(edge.heartbeats(exchange()));
        atCore.addAll(toCore(addressedTo(fromEdge, LinkMessages.MO_DATA), core::acceptMo));

        List<Object> atAlice = atCore.stream().filter(message -> !LinkMessages.toEdge(CARRIER).equals(destination(message)))
                .map(Message::getBody).toList();
        assertThat(atAlice).as("each once, in order").containsExactly(
                "mo 1", "mo 2", "mo 3", "mo 4", "mo 5", "mo 6", "mo 7", "mo 8", "mo 9", "mo 10");
    }

    private List<Message> moFromPhone(int i) throws Exception {
        return edge.sendMo(exchange(), "+447700900001", "7777", "@alice mo " + i);
    }

    /** An MT message through the core's ring-mt-send step; the data message for the edge. */
    private List<Message> sendMt(int i) {
        Exchange exchange = exchange(Map.<String, Object>of("carrier", CARRIER, "sluice_id", "m" + i, "sender", "alice",
                "to", "+447700900001"));
        exchange.getMessage().setBody("text " + i);
        try {
            return addressedTo(mtOrigin.send(exchange), LinkMessages.mtData(CARRIER));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The core's heart-beat reaches the edge, then the edge's reaches the core. */
    private void heartBeatsBothWays() {
        for (Message beat : core.heartbeats(exchange())) {
            edge.onReport(exchange(beat));
        }
        toCore(edge.heartbeats(exchange()));
    }

    private List<Message> toEdge(List<Message> messages, Function<Exchange, List<Message>> step) {
        List<Message> out = new ArrayList<>();
        messages.forEach(message -> out.addAll(step.apply(exchange(message))));
        return out;
    }

    /** The edge's messages for the core, handled there in this order; the core's answers. */
    private List<Message> toCore(List<Message> fromEdge) {
        List<Message> answers = new ArrayList<>();
        addressedTo(fromEdge, LinkMessages.TO_CORE).forEach(message -> answers.addAll(core.onReport(exchange(message))));
        return answers;
    }

    /** MO data of the edge's, each handled at the core by {@code step}; the core's answers. */
    private List<Message> toCore(List<Message> data, Function<Exchange, List<Message>> step) {
        List<Message> answers = new ArrayList<>();
        addressedTo(data, LinkMessages.MO_DATA).forEach(message -> answers.addAll(step.apply(exchange(message))));
        return answers;
    }

    private static List<Message> addressedTo(List<Message> messages, String queue) {
        return messages.stream().filter(message -> queue.equals(destination(message))).toList();
    }

    private static Message single(List<Message> messages, String queue) {
        List<Message> addressed = addressedTo(messages, queue);
        assertThat(addressed).hasSize(1);
        return addressed.get(0);
    }

    private static String destination(Message message) {
        return message.getHeader(JmsConstants.JMS_DESTINATION_NAME, String.class);
    }

    private static List<Object> kinds(List<Message> messages) {
        return messages.stream().map(message -> message.getHeader(LinkHeaders.KIND)).toList();
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }

    private Exchange exchange(String header, Object value) {
        return exchange(Map.of(header, value));
    }

    private Exchange exchange(Map<String, Object> headers) {
        Exchange exchange = exchange();
        exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        return exchange;
    }

    /** A message as the far end's route receives it: the same headers and body. */
    private Exchange exchange(Message message) {
        Exchange exchange = exchange(message.getHeaders());
        exchange.getMessage().setBody(message.getBody());
        return exchange;
    }
}
