package io.sluice.it;

import static io.sluice.it.Deliveries.PHONES;
import static io.sluice.it.Deliveries.assertExactlyOnceInOrder;
import static io.sluice.it.Deliveries.assertNoRingRebuilt;
import static io.sluice.it.Deliveries.awaitRingsSettled;
import static io.sluice.it.Deliveries.sendBurst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, scenario 1 (soak profile, {@code mvn -B verify -Psoak -Dit.test=WanBurstSoak}): a WAN reset
 * and a 30 s black hole in the middle of a 10,000-message burst. Every message arrives once and in
 * order; the backlog the hole left drains at the carrier's ceiling. The ceiling is the edge's
 * contracted rate ({@code soak.ceiling} submits/s, 50 by default), below what Sluice does on the
 * machine, as a real carrier's is: the drain figure then says whether the link and the rings get out
 * of its way after an outage. Printed, not asserted (a timing, ADR 0011).
 */
class WanBurstSoak {

    private static final int BURST = Integer.getInteger("soak.burst", 10_000);
    private static final int CEILING = Integer.getInteger("soak.ceiling", 50);
    private static final Duration HOLE = Duration.ofSeconds(Long.getLong("soak.hole-seconds", 30));

    @Test
    void aResetAndABlackHoleInABurstLoseNothingAndTheBacklogDrainsAtTheCeiling() throws Exception {
        Duration drainLimit = Duration.ofSeconds(4L * BURST / CEILING).plus(HOLE).plusMinutes(5);
        try (SluiceSites sites = new SluiceSites("wan-burst").withWan(Duration.ofMillis(50), Duration.ofMillis(5))
                .withEdgeSettings("--sluice.edge.smsc.max-submits-per-second=" + CEILING).start();
             ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            LongSupplier submits = () -> sites.emulatorApi().stats().path("submits").asLong();
            sendBurst(alice, 0, BURST);
            await().atMost(drainLimit).pollInterval(Duration.ofMillis(200)).until(() -> submits.getAsLong() >= BURST / 10);
            sites.wan().resetConnections();
            await().atMost(drainLimit).pollInterval(Duration.ofMillis(200)).until(() -> submits.getAsLong() >= BURST / 4);

            Instant holeStart = Instant.now();
            sites.wan().blackHoleFor(HOLE);
            await().atMost(HOLE.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !sites.wan().status().blackHoled());
            Instant holeEnd = Instant.now();
            long atHoleEnd = submits.getAsLong();
            await().atMost(drainLimit).pollInterval(Duration.ofSeconds(1)).until(() -> submits.getAsLong() >= BURST);

            assertExactlyOnceInOrder(sites, BURST, 0);
            awaitRingsSettled(sites.coreHttpPort, sites.edgeHttpPort);
            assertNoRingRebuilt(sites.coreHttpPort, sites.edgeHttpPort); // no store is lost here (ADR 0024)
            assertThat(sites.emulatorApi().stats().path("violations").asLong()).isZero();

            List<Instant> arrivals = arrivalTimes(sites);
            Instant last = arrivals.get(arrivals.size() - 1);
            long drained = arrivals.stream().filter(time -> time.isAfter(holeEnd)).count();
            double drainRate = drained / seconds(holeEnd, last);
            long beforeHole = arrivals.stream().filter(time -> time.isBefore(holeStart)).count();
            double steadyRate = beforeHole / seconds(arrivals.get(0), holeStart);
            JsonNode link = new SiteApi(sites.coreHttpPort).link().path("alpha");
            System.out.printf("WAN burst: %d MT, reset at %d, %d s black hole at %d submitted (%d at its end); "
                            + "drained %d in %.1f s after it: %.1f/s = %.2f of the ceiling %d/s (before the hole %.1f/s); "
                            + "0 lost, 0 duplicated; core saw %d interruptions, %d replays%n",
                    BURST, BURST / 10, HOLE.toSeconds(), BURST / 4, atHoleEnd, drained, seconds(holeEnd, last), drainRate,
                    drainRate / CEILING, CEILING, steadyRate, link.path("interruptions").asLong(), link.path("replays").asLong());
        }
    }

    private static List<Instant> arrivalTimes(SluiceSites sites) {
        List<Instant> times = new ArrayList<>();
        for (String phone : PHONES) {
            for (JsonNode message : StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone))) {
                times.add(Instant.parse(message.path("time").asText()));
            }
        }
        times.sort(null);
        return times;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toNanos() / 1e9);
    }
}
