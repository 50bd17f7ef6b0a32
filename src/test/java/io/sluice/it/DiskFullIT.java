package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompErrorException;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenario 7 of issue 7 (ADR 0018): a site's disk reaches its broker's limit. The brokers are told to
 * keep a floor of free space just below what the disk has when the test starts ({@code min-disk-free});
 * a real file then takes the space, and is deleted to give it back. The edge's floor is above the
 * core's, so the first test fills the edge's disk only and the second both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiskFullIT {

    private static final long MIB = 1024 * 1024;
    /** Room for what the sites themselves write between the measurement and the filling. */
    private static final long EDGE_HEADROOM = 512 * MIB;
    private static final long CORE_HEADROOM = 1536 * MIB;
    /** How far below a floor the filler goes, against other writers on the machine freeing space. */
    private static final long BELOW_FLOOR = 128 * MIB;
    /** How long the disk stays full once the senders have done their part: the fault's length. */
    private static final Duration FULL_PERIOD = Duration.ofSeconds(6);
    private static final Duration DETECTION = Duration.ofSeconds(30);
    private static final int WARM_UP = 20;
    private static final int MT_WHILE_FULL = 300;
    private static final int MO_WHILE_FULL = 10;
    private static final int STOMP_SENDS_WHILE_FULL = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SluiceSites sites;
    private DiskFiller filler;
    private long edgeFloor;
    private long coreFloor;

    @BeforeAll
    void start() throws Exception {
        sites = new SluiceSites("disk-full");
        long free = DiskFiller.usableBytes(sites.dataDir);
        edgeFloor = free - EDGE_HEADROOM;
        coreFloor = free - CORE_HEADROOM;
        String scanOften = "--sluice.broker.disk-scan-period-ms=200";
        sites.withEdgeSettings("--sluice.broker.min-disk-free=" + edgeFloor, scanOften)
                .withCoreSettings("--sluice.broker.min-disk-free=" + coreFloor, scanOften)
                .start();
        filler = new DiskFiller(sites.dataDir);
    }

    @AfterAll
    void stop() throws Exception {
        if (filler != null) {
            filler.close();
        }
        if (sites != null) {
            sites.close();
        }
    }

    @Test
    @Order(1)
    void aFullEdgeHoldsBackTheCoresMtAndRefusesMoUntilSpaceReturns() throws Exception {
        try (ChatUser alice = ChatUser.senderOnly(sites.stompPort, "alice", "alice-pw");
             ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw")) {
            Deliveries.sendBurst(alice, 0, WARM_UP);
            Deliveries.awaitAllArrived(sites, WARM_UP, sites.coreHttpPort);

            long filled = filler.leaveFree(edgeFloor - BELOW_FLOOR);
            long fullAt = System.nanoTime();
            awaitDiskFull(sites.edgeHttpPort, true);
            long detectedMs = millisSince(fullAt);
            assertThat(diskFull(sites.coreHttpPort)).as("the core's floor is lower: its disk is not full yet").isFalse();

            int beforeMt = Deliveries.handsetTotal(sites);
            for (int i = 0; i < MO_WHILE_FULL; i++) {
                sites.emulatorApi().originateMo(Deliveries.PHONES.get(i % Deliveries.PHONES.size()), "@bob disk mo " + i);
            }
            Deliveries.sendBurst(alice, WARM_UP, MT_WHILE_FULL); // the core stores them: its disk has room
            holdFull(sites.edgeHttpPort);
            int deliveredWhileFull = Deliveries.handsetTotal(sites) - beforeMt;
            bob.drain(Duration.ofSeconds(1));
            int moWhileFull = bob.chats().size();

            long releasedAt = System.nanoTime();
            filler.close();
            awaitDiskFull(sites.edgeHttpPort, false);
            long resumedMs = millisSince(releasedAt);
            Deliveries.awaitAllArrived(sites, WARM_UP + MT_WHILE_FULL, sites.coreHttpPort);
            long mtDrainedMs = millisSince(releasedAt);
            int duplicates = Deliveries.assertExactlyOnceInOrder(sites, WARM_UP + MT_WHILE_FULL, 0);
            List<StompFrame> mo = bob.awaitChats(MO_WHILE_FULL, ChatUser.WAIT);
            long moDrainedMs = millisSince(releasedAt);
            assertThat(mo).extracting(StompFrame::body).containsExactlyInAnyOrderElementsOf(moTexts());

            System.out.printf("Edge disk full (filler %d MiB, detected in %d ms): %d MT sent to the core meanwhile, "
                            + "%d of them reached the SMSC while full; %d MO offered, %d reached the core while full. "
                            + "Space back: edge ready in %d ms, all %d MT delivered once in %d ms (%d duplicates), "
                            + "all %d MO once in %d ms%n",
                    filled / MIB, detectedMs, MT_WHILE_FULL, deliveredWhileFull, MO_WHILE_FULL, moWhileFull, resumedMs,
                    WARM_UP + MT_WHILE_FULL, mtDrainedMs, duplicates, MO_WHILE_FULL, moDrainedMs);
            assertThat(deliveredWhileFull).as("the full edge held back the core's MT").isLessThan(MT_WHILE_FULL);
            assertThat(moWhileFull).as("MO refused while the edge's disk was full").isZero();
        }
    }

    @Test
    @Order(2)
    void aFullCoreRefusesStompSendsWithAnErrorAndStoresNone() throws Exception {
        try (ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw");
             StompClient early = StompClient.tcp("127.0.0.1", sites.stompPort)) {
            early.connect("alice", "alice-pw"); // connected before the disk filled
            long filled = filler.leaveFree(coreFloor - BELOW_FLOOR);
            long fullAt = System.nanoTime();
            awaitDiskFull(sites.coreHttpPort, true);
            long detectedMs = millisSince(fullAt);

            List<String> refusals = new ArrayList<>();
            refusals.add(refusedSend(early, 0));
            for (int i = 1; i < STOMP_SENDS_WHILE_FULL; i++) {
                try (StompClient retry = StompClient.tcp("127.0.0.1", sites.stompPort)) {
                    retry.connect("alice", "alice-pw");
                    refusals.add(refusedSend(retry, i));
                }
            }
            assertThat(refusals).allSatisfy(message -> assertThat(message).startsWith("DISK_FULL:"));
            holdFull(sites.coreHttpPort);

            long releasedAt = System.nanoTime();
            filler.close();
            awaitDiskFull(sites.coreHttpPort, false);
            long resumedMs = millisSince(releasedAt);
            try (StompClient alice = StompClient.tcp("127.0.0.1", sites.stompPort)) {
                alice.connect("alice", "alice-pw");
                for (int i = 0; i < STOMP_SENDS_WHILE_FULL; i++) {
                    // the same message again, without a duplicate id: had the refused one been kept, bob would get two
                    alice.sendWithReceipt("/queue/sluice.outbox", Map.of("to", "bob", "client_ref", "full-" + i),
                            "sent while full " + i, ChatUser.WAIT);
                }
            }
            List<StompFrame> chats = bob.awaitChats(STOMP_SENDS_WHILE_FULL, ChatUser.WAIT);
            long drainedMs = millisSince(releasedAt);
            bob.drain(Duration.ofSeconds(2));
            assertThat(bob.chats()).extracting(StompFrame::body)
                    .containsExactlyInAnyOrderElementsOf(fullTexts()).hasSize(STOMP_SENDS_WHILE_FULL);
            System.out.printf("Core disk full (filler %d MiB, detected in %d ms): %d STOMP SENDs each answered ERROR "
                            + "and the connection closed (\"%s\"); space back: core ready in %d ms, the same %d sent again "
                            + "and delivered once in %d ms, none kept from the refused attempts (%d chats)%n",
                    filled / MIB, detectedMs, refusals.size(), refusals.get(0), resumedMs, STOMP_SENDS_WHILE_FULL,
                    drainedMs, chats.size());
        }
    }

    /** Sends a chat message asking for a receipt; returns the ERROR's message after checking the connection ended. */
    private static String refusedSend(StompClient client, int i) {
        Throwable refusal = catchThrowable(() -> client.sendWithReceipt("/queue/sluice.outbox",
                Map.of("to", "bob", "client_ref", "full-" + i), "sent while full " + i, Duration.ofSeconds(30)));
        assertThat(refusal).as("SEND while the core's disk is full").isInstanceOf(StompErrorException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> ended(client));
        return ((StompErrorException) refusal).errorFrame().header("message");
    }

    /** Whether the broker has closed this connection (frames still queued are read past). */
    static boolean ended(StompClient client) {
        try {
            client.nextFrame(Duration.ofMillis(100));
            return false;
        } catch (IOException closed) {
            return true;
        }
    }

    /** Keeps the disk full for {@link #FULL_PERIOD} (the fault's length), checking the site says so throughout. */
    private void holdFull(int httpPort) {
        await().during(FULL_PERIOD).atMost(FULL_PERIOD.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> diskFull(httpPort));
    }

    private void awaitDiskFull(int httpPort, boolean full) {
        await().atMost(DETECTION).pollInterval(Duration.ofMillis(100)).until(() -> diskFull(httpPort) == full);
    }

    /** The site's readiness says its broker's disk is full (health brokerPaging DOWN with diskFull). */
    private boolean diskFull(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode paging = JSON.readTree(response.body()).path("components").path("brokerPaging");
        boolean full = paging.path("details").path("diskFull").asBoolean(false);
        if (full) {
            assertThat(paging.path("status").asText()).isEqualTo("DOWN");
            assertThat(response.statusCode()).isEqualTo(503);
        }
        return full;
    }

    private static List<String> moTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < MO_WHILE_FULL; i++) {
            texts.add("disk mo " + i);
        }
        return texts;
    }

    private static List<String> fullTexts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < STOMP_SENDS_WHILE_FULL; i++) {
            texts.add("sent while full " + i);
        }
        return texts;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
