package io.sluice.it;

import static io.sluice.it.Deliveries.PHONES;
import static io.sluice.it.Deliveries.assertExactlyOnceInOrder;
import static io.sluice.it.Deliveries.assertNoRingRebuilt;
import static io.sluice.it.Deliveries.awaitRingsSettled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 7, scenario 6 (soak profile, {@code mvn -B verify -Psoak -Dit.test=BacklogRestartSoak}): with
 * the SMSC down, {@code soak.backlog} (100,000) MT pile up; then core and edge are killed and started
 * again, the SMSC comes back, and every message is delivered once and in order. The backlog waits at
 * the core: the MT ring (255 slots) is the most an edge ever holds, which is what bounds its heap; the
 * core's queue pages to disk beyond the broker's global size. Heap (used, sampled) and restart times
 * are printed.
 */
class BacklogRestartSoak {

    private static final int BACKLOG = Integer.getInteger("soak.backlog", 100_000);
    private static final int BATCH = 500;
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)$",
            Pattern.MULTILINE);

    @Test
    void aHundredThousandBackloggedMessagesSurviveARestartAndAreAllDelivered() throws Exception {
        try (SluiceSites sites = new SluiceSites("backlog").start()) {
            sites.emulator().kill(); // the SMSC is gone: everything waits
            double coreHeapMax = 0;
            double edgeHeapMax = 0;
            long sendStarted = System.nanoTime();
            try (ChatUser alice = ChatUser.senderOnly(sites.stompPort, "alice", "alice-pw")) {
                for (int from = 0; from < BACKLOG; from += BATCH) {
                    List<String> to = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    List<String> refs = new ArrayList<>();
                    for (int i = from; i < Math.min(BACKLOG, from + BATCH); i++) {
                        to.add(PHONES.get(i % PHONES.size()));
                        texts.add("mt " + i);
                        refs.add("mt-" + i);
                    }
                    alice.sendAllStored(to, texts, refs);
                    if (from % (20 * BATCH) == 0) {
                        coreHeapMax = Math.max(coreHeapMax, heapUsed(sites.coreHttpPort));
                        edgeHeapMax = Math.max(edgeHeapMax, heapUsed(sites.edgeHttpPort));
                    }
                }
            }
            double sendSeconds = (System.nanoTime() - sendStarted) / 1e9;
            coreHeapMax = Math.max(coreHeapMax, heapUsed(sites.coreHttpPort));
            edgeHeapMax = Math.max(edgeHeapMax, heapUsed(sites.edgeHttpPort));

            sites.core().kill();
            sites.edge().kill();
            long restartStarted = System.nanoTime();
            sites.startCore().awaitReady(SluiceSites.STARTUP);
            double coreRestart = (System.nanoTime() - restartStarted) / 1e9;
            sites.startEdge();
            sites.startEmulator().awaitReady(SluiceSites.STARTUP);
            sites.edge().awaitReady(SluiceSites.STARTUP);
            double bothReady = (System.nanoTime() - restartStarted) / 1e9;
            double coreHeapAfter = heapUsed(sites.coreHttpPort);

            long drainStarted = System.nanoTime();
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> sites.emulatorApi().stats().path("submits").asLong() >= BACKLOG);
            double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
            int duplicates = assertExactlyOnceInOrder(sites, BACKLOG, 0);
            awaitRingsSettled(sites.coreHttpPort, sites.edgeHttpPort);
            assertNoRingRebuilt(sites.coreHttpPort, sites.edgeHttpPort); // no store is lost here (ADR 0024)
            assertThat(sites.emulatorApi().stats().path("violations").asLong()).isZero();
            System.out.printf("backlog: %d MT stored with the SMSC down in %.0f s; heap used at most core %.0f MiB, edge %.0f MiB "
                            + "(-Xmx512m); kill -9 of both, core ready again in %.1f s, core and edge in %.1f s "
                            + "(core heap then %.0f MiB); all delivered in %.0f s, once and in order (%d duplicated)%n",
                    BACKLOG, sendSeconds, coreHeapMax / (1 << 20), edgeHeapMax / (1 << 20), coreRestart, bothReady,
                    coreHeapAfter / (1 << 20), drainSeconds, duplicates);
        }
    }

    /** Heap in use, summed over the heap's memory pools, from the site's Prometheus endpoint. */
    private static double heapUsed(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher pools = HEAP_USED.matcher(response.body());
        double used = 0;
        while (pools.find()) {
            used += Double.parseDouble(pools.group(1));
        }
        return used;
    }
}
