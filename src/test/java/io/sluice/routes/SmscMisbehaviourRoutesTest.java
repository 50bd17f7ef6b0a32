package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.ReceivedMessage;
import io.sluice.emulator.traffic.TrafficRecord;
import io.sluice.emulator.util.TestProperties;
import io.sluice.ring.Direction;
import io.sluice.sms.smpp.SmppStatus;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.StoreHold;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edge's SMPP flows against an SMSC that misbehaves (issue 7, scenarios 4, 5 and 8, and malformed
 * PDUs): the emulator over TCP, scripted per message text or switched for a while, a real in-VM broker,
 * the test playing the core. Every scenario accounts for every message: one processed report each,
 * copies counted at the handset, one delivery event each; each prints its figures.
 */
// One Camel context for the class: a stopped context's JMS listeners must not race the next test's.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmscMisbehaviourRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SLOTS = 64;
    private static final int MESSAGES = 10;
    private static final Duration ENQUIRE_LINK_INTERVAL = Duration.ofMillis(1000);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(800);
    /** Longer than the edge's response timeout: the answer comes after the edge gave up. */
    private static final Duration LATE_RESPONSE_DELAY = Duration.ofMillis(1500);
    /**
     * How long the SMSC answers ESME_RMSGQFUL. Issue 7 asks for 60 s; the quick suite uses 3 s, the full
     * minute runs with {@code -Dsluice.test.queue-full-period=60s} (docs/reliability.md).
     */
    private static final Duration QUEUE_FULL_PERIOD = Duration.parse("PT"
            + System.getProperty("sluice.test.queue-full-period", "3s").toUpperCase(Locale.ROOT));
    /** How long the accounting waits for every message: the longest fault period, and then some. */
    private static final Duration PATIENCE = WAIT.plus(QUEUE_FULL_PERIOD);
    /** smsc-errors' redelivery policy: the first delay, doubled each time up to the cap. */
    private static final long FIRST_BACK_OFF_MS = 200;
    private static final long MAX_BACK_OFF_MS = 30_000;
    /** Nothing more is expected; this long without it is taken as never. */
    private static final Duration QUIET = Duration.ofMillis(500);

    /** Stands in for a slow disk under a receipt's transaction (ADR 0022). */
    private static final StoreHold RECEIPT_STORE = new StoreHold("sluice.receipts." + EdgeSmppRoutes.CARRIER);
    private static InVmBroker broker;
    private static CorePeer core;
    private static SmscEmulator smsc;
    private static ActiveMQConnectionFactory connectionFactory;
    private EdgeSmppRoutes edge;

    private static synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        broker = EdgeSmppRoutes.startBroker(RECEIPT_STORE);
        core = new CorePeer(broker, SLOTS, WAIT);
        smsc = new SmscEmulator(TestProperties.emulator("handshake-time=2ms", "receipt-delay=10ms",
                "mo-retry-interval=100ms", "late-response-delay=" + LATE_RESPONSE_DELAY.toMillis() + "ms"),
                Clock.systemUTC());
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
        return EdgeSmppRoutes.properties(smsc.smppPort(), ENQUIRE_LINK_INTERVAL, RESPONSE_TIMEOUT, 1000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        connectionFactory = new ActiveMQConnectionFactory("vm://0?consumerWindowSize=0");
        edge = new EdgeSmppRoutes(context, broker, connectionFactory, SLOTS, 4, Clock.systemUTC());
        return context;
    }

    @Test
    void aLostSubmitSmRespIsRetriedAndOnlyThatMessageArrivesTwice() throws Exception {
        Accounting run = sendAndAccount("4a lost submit_sm_resp", "+447700900901", "#LOSTRESP");

        assertThat(run.duplicated()).containsOnlyKeys(run.faulty());
        assertThat(submitsOf(run.faulty())).hasSize(2);
    }

    @Test
    void aLateSubmitSmRespIsIgnoredAndCausesNoSubmitBeyondTheRetry() throws Exception {
        Accounting run = sendAndAccount("4b late submit_sm_resp", "+447700900902", "#LATERESP");

        // on the closed bind's connection (SmppUnansweredRebind), or on one the edge no longer waits on
        TrafficRecord late = await().atMost(WAIT).until(() -> smsc.traffic(10_000).stream()
                .filter(record -> record.note() != null && record.note().startsWith("late (#LATERESP)")).findFirst(),
                Optional::isPresent).orElseThrow();
        System.out.printf("  the late submit_sm_resp: %s%n", late.note());
        assertThat(core.nextReport(QUIET)).as("no report after the late answer").isNull();
        assertThat(submitsOf(run.faulty())).as("the first submit and its one retry").hasSize(2);
        assertThat(run.duplicated()).containsOnlyKeys(run.faulty());
        assertThat(smsc.handset(run.phone()).messages()).hasSize(MESSAGES + 1);
    }

    @Test
    void aGenericNackIsRetriedAndNothingIsDuplicated() throws Exception {
        Accounting run = sendAndAccount("4e generic_nack", "+447700900905", "#NACK");

        assertThat(run.duplicated()).isEmpty();
        assertThat(submitsOf(run.faulty())).hasSize(2);
    }

    @Test
    void aThrottlingStormIsRiddenOutWithBackOff() throws Exception {
        Duration storm = Duration.ofSeconds(2);
        smsc.faults().refuseSubmits(SmppStatus.ESME_RTHROTTLED.code(), storm);
        Instant stormEnds = Instant.now().plus(storm);

        Accounting run = sendAndAccount("4c ESME_RTHROTTLED storm of " + storm.toMillis() + " ms", "+447700900903", null);

        assertThat(run.duplicated()).isEmpty();
        assertBackOff(run, stormEnds);
    }

    @Test
    void aQueueFullForAPeriodIsRiddenOutWithBackOff() throws Exception {
        smsc.faults().refuseSubmits(SmppStatus.ESME_RMSGQFUL.code(), QUEUE_FULL_PERIOD);
        Instant periodEnds = Instant.now().plus(QUEUE_FULL_PERIOD);

        Accounting run = sendAndAccount("4d ESME_RMSGQFUL for " + QUEUE_FULL_PERIOD.toMillis() + " ms",
                "+447700900904", null);

        assertThat(run.duplicated()).isEmpty();
        assertBackOff(run, periodEnds);
    }

    @Test
    void anSmscIgnoringEnquireLinkIsLeftWithinIntervalPlusTimeoutAndTheEdgeRebinds() throws Exception {
        await().atMost(WAIT).until(edge.bindState::bound);
        long bindsBefore = smsc.stats().bindsTotal();
        Instant ignoring = Instant.now();
        assertThat(smsc.ignoreEnquireLinks()).isEqualTo(1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> !edge.bindState.bound());
        Duration detected = Duration.between(ignoring, Instant.now());
        await().atMost(WAIT).until(() -> smsc.stats().bindsTotal() > bindsBefore && edge.bindState.bound());
        Duration rebound = Duration.between(ignoring, Instant.now());
        Accounting run = sendAndAccount("5 enquire_link ignored", "+447700900906", null);

        System.out.printf("Scenario 5: dead bind detected after %d ms (enquire-link interval %d ms + response "
                        + "timeout %d ms), bound again after %d ms%n", detected.toMillis(),
                ENQUIRE_LINK_INTERVAL.toMillis(), RESPONSE_TIMEOUT.toMillis(), rebound.toMillis());
        // the idle timer starts at the last PDU the edge read, at most "now": a little slack for the timers' threads
        assertThat(detected).isLessThanOrEqualTo(ENQUIRE_LINK_INTERVAL.plus(RESPONSE_TIMEOUT).plusMillis(300));
        assertThat(run.duplicated()).isEmpty();
    }

    @Test
    void aReceiptAheadOfItsSubmitSmRespIsStillMatched() throws Exception {
        String phone = "+447700900908";
        Instant sent = Instant.now();
        Accounting run = sendAndAccount("8 receipt before submit_sm_resp", phone, "#EARLYDLR", MESSAGES);

        assertThat(run.duplicated()).isEmpty();
        List<TrafficRecord> early = smsc.traffic(10_000).stream()
                .filter(record -> record.note() != null && record.note().startsWith("receipt ahead")).toList();
        assertThat(early).hasSize(MESSAGES);
        // each receipt was answered by the edge, and before its submit's answer could reach the edge
        List<Integer> earlySequences = early.stream().map(TrafficRecord::sequence).toList();
        assertThat(smsc.traffic(10_000)).filteredOn(record -> "deliver_sm_resp".equals(record.command())
                        && earlySequences.contains(record.sequence()))
                .hasSize(MESSAGES).allMatch(record -> record.status() == 0);
        Duration took = Duration.between(sent, Instant.now());
        System.out.printf("Scenario 8: %d receipts ahead of their submit_sm_resp, all matched, in %d ms%n",
                MESSAGES, took.toMillis());
    }

    /**
     * ADR 0022: a deliver_sm whose transaction waits for the disk holds up no submit_sm_resp. With one
     * PDU thread the answers to the next submits queued behind the receipt, timed out, and each cost a
     * rebind and a second copy at the handset.
     */
    @Test
    void aReceiptWaitingForItsCommitHoldsUpNoSubmitSmResp() throws Exception {
        String phone = "+447700900915";
        await().atMost(WAIT).until(edge.bindState::bound);
        drainReports();
        long base = edge.rings.get(Direction.MT, EdgeSmppRoutes.CARRIER).pointers().lastRetrieved();
        long bindsBefore = smsc.stats().bindsTotal();
        int messages = 4;
        List<String> texts = IntStream.rangeClosed(1, messages).mapToObj(i -> "message " + i + " to " + phone).toList();
        Map<Long, Integer> processed;
        RECEIPT_STORE.arm();
        try {
            core.sendMt(base + 1, phone, texts.get(0));
            assertThat(RECEIPT_STORE.awaitHeld(WAIT)).as("the first message's receipt waits for its commit").isTrue();
            for (int i = 1; i < messages; i++) {
                core.sendMt(base + i + 1, phone, texts.get(i));
            }
            processed = processedReports(base, messages);
            assertThat(RECEIPT_STORE.holding()).as("the receipt still waited when the other submits were answered")
                    .isTrue();
        } finally {
            RECEIPT_STORE.release();
        }
        List<String> ids = IntStream.rangeClosed(1, messages).mapToObj(i -> "m" + (base + i) + "-" + phone).toList();
        Map<String, Integer> delivered = deliveredEvents(ids);
        awaitQuiet(base, processed, ids, delivered); // a second report or event would show here

        assertThat(processed).hasSize(messages).allSatisfy((sequence, count) -> assertThat(count).isEqualTo(1));
        assertThat(delivered).as("every receipt stored and matched once released").hasSize(messages)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(texts).allSatisfy(text -> assertThat(submitsOf(text)).as(text).hasSize(1));
        assertThat(smsc.stats().bindsTotal()).as("no rebind").isEqualTo(bindsBefore);
        System.out.printf("ADR 0022: %d submits answered while the first receipt's commit was held; no rebind, "
                + "no second submit%n", messages - 1);
    }

    @ParameterizedTest
    @CsvSource({"#BADCMD, +447700900910", "#BADLEN, +447700900911", "#TRUNC, +447700900912",
            "#GARBAGE, +447700900913", "#HUGELEN, +447700900914"})
    void aMalformedPduFromTheSmscLosesNothing(String fault, String phone) throws Exception {
        long bindsBefore = smsc.stats().bindsTotal();
        Instant start = Instant.now();

        Accounting run = sendAndAccount("malformed PDU " + fault, phone, fault);

        assertThat(run.duplicated()).isEmpty();
        assertThat(submitsOf(run.faulty())).hasSize(2);
        if (OUT_OF_STEP_LENGTHS.contains(fault)) {
            // refused from its header alone (BoundedPduReader, ADR 0040): jsmpp's own reader allocated the 2 GB
            // "this" and 0x7FFFFFF0 claim and waited for them, and never answered
            assertThat(smsc.traffic(10_000)).as("generic_nack ESME_RINVCMDLEN from the edge")
                    .filteredOn(record -> record.time().isAfter(start) && TrafficRecord.IN.equals(record.direction())
                            && "generic_nack".equals(record.command()))
                    .anyMatch(record -> record.status() == SmppStatus.ESME_RINVCMDLEN.code());
        }
        assertThat(smsc.stats().bindsTotal()).as("the edge bound again").isGreaterThan(bindsBefore);
        System.out.printf("  %s: binds during the run %d%n", fault, smsc.stats().bindsTotal() - bindsBefore);
    }

    /** Faults whose command_length the edge refuses from the header: 8, "this" (1.95 GB), 0x7FFFFFF0. */
    private static final java.util.Set<String> OUT_OF_STEP_LENGTHS = java.util.Set.of("#BADLEN", "#GARBAGE", "#HUGELEN");

    // --- accounting ---

    /**
     * What became of {@link #MESSAGES} texts sent to one phone, the one in the middle starting with
     * {@code fault} (none when null).
     *
     * @param duplicated texts the handset got more than once, with their number of copies
     */
    private record Accounting(String phone, String faulty, Map<String, Integer> duplicated) {
    }

    private Accounting sendAndAccount(String scenario, String phone, String fault) throws Exception {
        return sendAndAccount(scenario, phone, fault, fault == null ? 0 : 1);
    }

    /** Sends {@link #MESSAGES} texts, {@code faulty} of them (from the middle) starting with {@code fault}. */
    private Accounting sendAndAccount(String scenario, String phone, String fault, int faulty) throws Exception {
        drainReports();
        long base = edge.rings.get(Direction.MT, EdgeSmppRoutes.CARRIER).pointers().lastRetrieved();
        long deliveredBefore = smsc.handset(phone).messages().size();
        long rejectedBefore = smsc.stats().rejected();
        int firstFaulty = (MESSAGES - faulty) / 2;
        List<String> texts = IntStream.range(0, MESSAGES)
                .mapToObj(i -> (i >= firstFaulty && i < firstFaulty + faulty ? fault + " " : "") + "message " + i + " to " + phone)
                .toList();
        Instant start = Instant.now();
        for (int i = 0; i < MESSAGES; i++) {
            core.sendMt(base + i + 1, phone, texts.get(i));
        }

        Map<Long, Integer> processed = processedReports(base, MESSAGES);
        List<String> ids = IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "m" + (base + i) + "-" + phone).toList();
        Map<String, Integer> delivered = deliveredEvents(ids);
        awaitQuiet(base, processed, ids, delivered);
        Duration took = Duration.between(start, Instant.now());
        await().atMost(WAIT).until(() -> smsc.handset(phone).messages().stream().map(ReceivedMessage::text)
                .distinct().count() >= deliveredBefore + MESSAGES);
        Map<String, Integer> copies = new HashMap<>();
        smsc.handset(phone).messages().forEach(message -> copies.merge(message.text(), 1, Integer::sum));
        Map<String, Integer> duplicated = new HashMap<>();
        copies.forEach((text, count) -> {
            if (count > 1) {
                duplicated.put(text, count);
            }
        });

        assertThat(processed).as("one processed report for every message").hasSize(MESSAGES)
                .allSatisfy((sequence, count) -> assertThat(count).isEqualTo(1));
        assertThat(delivered).as("one delivered event for every message").hasSize(MESSAGES)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(copies).as("every text at the handset").containsKeys(texts.toArray(String[]::new));
        assertThat(smsc.stats().violations()).isZero();
        int duplicates = duplicated.values().stream().mapToInt(count -> count - 1).sum();
        System.out.printf("Scenario %s: %d sent, %d processed once, 0 lost, %d duplicated at the handset, "
                        + "%d refused by the SMSC and retried, %d ms%n", scenario, MESSAGES, processed.size(), duplicates,
                smsc.stats().rejected() - rejectedBefore, took.toMillis());
        String faultyText = faulty == 0 ? null : texts.get(firstFaulty);
        return new Accounting(phone, faultyText, duplicated);
    }

    /** Processed reports for the sequences after {@code base}, counted per sequence, until there is one each. */
    private static Map<Long, Integer> processedReports(long base, int count) throws JMSException {
        Map<Long, Integer> processed = new HashMap<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (processed.size() < count && Instant.now().isBefore(deadline)) {
            countProcessed(core.nextReport(WAIT), base, processed);
        }
        return processed;
    }

    /**
     * Goes on counting reports and events until neither queue has had one for {@link #QUIET}: a second
     * processed report or delivered event would show here. One quiet period for both queues, not one after
     * the other (half a second less per scenario).
     */
    private static void awaitQuiet(long base, Map<Long, Integer> processed, List<String> ids,
            Map<String, Integer> delivered) throws JMSException {
        Duration poll = QUIET.dividedBy(10);
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).compareTo(QUIET) < 0) {
            Message report = core.nextReport(poll);
            Message event = broker.receive("sluice.events", poll);
            if (report != null || event != null) {
                countProcessed(report, base, processed);
                countDelivered(event, ids, delivered);
                quietSince = Instant.now();
            }
        }
    }

    private static void countProcessed(Message report, long base, Map<Long, Integer> processed) throws JMSException {
        if (report != null && "processed".equals(report.getStringProperty("link_kind"))
                && report.getLongProperty("ring_seq") > base) {
            assertThat(report.getStringProperty("outcome")).isEqualTo("ok");
            processed.merge(report.getLongProperty("ring_seq"), 1, Integer::sum);
        }
    }

    /** Delivered events (matched receipts) about this run's messages, counted per sluice_id, until there is one each. */
    private static Map<String, Integer> deliveredEvents(List<String> ids) throws JMSException {
        Map<String, Integer> delivered = new HashMap<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (delivered.size() < ids.size() && Instant.now().isBefore(deadline)) {
            countDelivered(broker.receive("sluice.events", WAIT), ids, delivered);
        }
        return delivered;
    }

    private static void countDelivered(Message event, List<String> ids, Map<String, Integer> delivered)
            throws JMSException {
        if (event != null && ids.contains(event.getStringProperty("sluice_id"))) {
            assertThat(event.getStringProperty("status")).isEqualTo("delivered");
            delivered.merge(event.getStringProperty("sluice_id"), 1, Integer::sum);
        }
    }

    private static void drainReports() throws JMSException {
        while (core.nextReport(Duration.ofMillis(50)) != null) {
            // reports of an earlier test
        }
    }

    private static List<TrafficRecord> submitsOf(String text) {
        return smsc.traffic(10_000).stream().filter(record -> "submit_sm".equals(record.command())
                && "in".equals(record.direction()) && text.equals(record.text().replaceFirst("^alice: ", ""))).toList();
    }

    /**
     * The first message was refused until the period ended, retried after ever longer pauses; none
     * reached the handset before then.
     */
    private static void assertBackOff(Accounting run, Instant periodEnds) {
        List<Instant> attempts = submitsOf("message 0 to " + run.phone()).stream().map(TrafficRecord::time).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
        }
        System.out.printf("  back-off of the first message: %d attempts, gaps %s ms%n", attempts.size(), gaps);
        assertThat(attempts).hasSizeGreaterThan(2);
        for (int i = 0; i < gaps.size(); i++) {
            // smsc-errors: 200 ms, doubled each time (capped at 30 s); a little slack for the timers
            long backOff = Math.min(FIRST_BACK_OFF_MS << i, MAX_BACK_OFF_MS);
            assertThat(gaps.get(i)).as("gap %d", i).isGreaterThanOrEqualTo(backOff * 9 / 10);
        }
        assertThat(smsc.handset(run.phone()).messages()).extracting(ReceivedMessage::time)
                .allMatch(time -> !time.isBefore(periodEnds.minusMillis(50)));
    }
}
