package io.sluice.it;

import static io.sluice.it.Deliveries.DRAIN;
import static io.sluice.it.Deliveries.PHONES;
import static io.sluice.it.Deliveries.assertExactlyOnceInOrder;
import static io.sluice.it.Deliveries.assertNoRingRebuilt;
import static io.sluice.it.Deliveries.assertMoExactlyOnceInOrder;
import static io.sluice.it.Deliveries.awaitAllArrived;
import static io.sluice.it.Deliveries.awaitRingsSettled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, scenario 2 (soak profile, {@code mvn -B verify -Psoak -Dit.test=RandomCutsSoak}): steady
 * traffic both ways ({@code soak.mt-per-second} 10 MT and {@code soak.mo-per-second} 2 MO) for
 * {@code soak.minutes} (10) while the WAN between core and edge is cut twenty times at random (seeded)
 * moments for 1–10 s: packets vanish, then the connections are reset. Every message arrives once and
 * in order; after each cut the core hears the edge again within the edge's retry interval plus one
 * heart-beat, which is printed for the worst cut.
 */
class RandomCutsSoak {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
    private static final int MT_PER_SECOND = Integer.getInteger("soak.mt-per-second", 10);
    private static final int MO_PER_SECOND = Integer.getInteger("soak.mo-per-second", 2);
    private static final int CUTS = 20;
    /** The edge's broker connection retry interval (application-edge.yml) and the link's heart-beat. */
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Test
    void twentyRandomCutsUnderSteadyLoadLoseNothingAndTheLinkComesBackWithinTheRetryInterval() throws Exception {
        Random random = new Random(Long.getLong("soak.seed", 7L));
        Duration run = Duration.ofMinutes(MINUTES);
        try (SluiceSites sites = new SluiceSites("random-cuts").withWan(Duration.ofMillis(50), Duration.ofMillis(5)).start();
             ChatUser alice = ChatUser.senderOnly(sites.stompPort, "alice", "alice-pw")) {
            AtomicInteger mtSent = new AtomicInteger();
            AtomicInteger moSent = new AtomicInteger();
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            load.scheduleAtFixedRate(() -> {
                try {
                    List<String> to = new ArrayList<>();
                    List<String> texts = new ArrayList<>();
                    List<String> refs = new ArrayList<>();
                    for (int i = 0; i < MT_PER_SECOND; i++) {
                        int n = mtSent.get() + i;
                        to.add(PHONES.get(n % PHONES.size()));
                        texts.add("mt " + n);
                        refs.add("mt-" + n);
                    }
                    alice.sendAllStored(to, texts, refs);
                    mtSent.addAndGet(MT_PER_SECOND);
                    for (int i = 0; i < MO_PER_SECOND; i++) {
                        int n = moSent.getAndIncrement();
                        sites.emulatorApi().originateMo(PHONES.get(n % PHONES.size()), "@bob mo " + n);
                    }
                } catch (Throwable failure) {
                    loadFailure.compareAndSet(null, failure);
                    throw new IllegalStateException(failure);
                }
            }, 0, 1, TimeUnit.SECONDS);

            long cutEvery = run.toMillis() / CUTS;
            Duration worstReconnect = Duration.ZERO;
            List<String> cuts = new ArrayList<>();
            Instant start = Instant.now();
            for (int cut = 0; cut < CUTS; cut++) {
                Instant at = start.plusMillis(cut * cutEvery + random.nextLong(cutEvery / 2));
                await().atMost(Duration.ofMillis(cutEvery * 2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !Instant.now().isBefore(at));
                Duration length = Duration.ofMillis(1_000 + random.nextInt(9_001));
                sites.wan().blackHoleFor(length);
                await().atMost(length.plusSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !sites.wan().status().blackHoled());
                sites.wan().resetConnections();
                Instant cutEnd = Instant.now();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> heardAfter(sites, cutEnd));
                Duration reconnect = Duration.between(cutEnd, Instant.now());
                worstReconnect = reconnect.compareTo(worstReconnect) > 0 ? reconnect : worstReconnect;
                cuts.add(String.format("%.1f s heard after %.1f s", length.toMillis() / 1000.0, reconnect.toMillis() / 1000.0));
            }
            await().atMost(run.plusMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !Instant.now().isBefore(start.plus(run)));
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(loadFailure.get()).as("the load generator kept going").isNull();

            int mt = mtSent.get();
            int mo = moSent.get();
            awaitAllArrived(sites, mt, sites.coreHttpPort);
            assertExactlyOnceInOrder(sites, mt, 0);
            try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
                assertMoExactlyOnceInOrder(bob.awaitChats(mo, DRAIN), mo);
            }
            awaitRingsSettled(sites.coreHttpPort, sites.edgeHttpPort);
            assertNoRingRebuilt(sites.coreHttpPort, sites.edgeHttpPort); // no store is lost here (ADR 0024)
            JsonNode link = new SiteApi(sites.coreHttpPort).link().path("alpha");
            System.out.printf("random cuts: %d min, %d MT + %d MO, %d cuts (%s); all once and in order; "
                            + "worst time from a cut's end to the core hearing the edge %.1f s (retry interval %d s + heart-beat %d s); "
                            + "core saw %d interruptions, %d replays%n",
                    MINUTES, mt, mo, CUTS, String.join(", ", cuts), worstReconnect.toMillis() / 1000.0,
                    RETRY_INTERVAL.toSeconds(), HEARTBEAT.toSeconds(), link.path("interruptions").asLong(),
                    link.path("replays").asLong());
        }
    }

    private static boolean heardAfter(SluiceSites sites, Instant moment) {
        JsonNode lastHeard = new SiteApi(sites.coreHttpPort).link().path("alpha").path("lastHeard");
        return !lastHeard.isMissingNode() && !lastHeard.isNull() && Instant.parse(lastHeard.asText()).isAfter(moment);
    }
}
