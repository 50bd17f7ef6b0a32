package io.sluice.it;

import static io.sluice.it.Deliveries.assertExactlyOnceInOrder;
import static io.sluice.it.Deliveries.assertNoRingRebuilt;
import static io.sluice.it.Deliveries.awaitAllArrived;
import static io.sluice.it.Deliveries.awaitRingsSettled;
import static io.sluice.it.Deliveries.sendBurst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

/**
 * Issue 7, scenario 3 (soak profile, {@code mvn -B verify -Psoak -Dit.test=KillEverySoak}): SIGKILL
 * every {@code soak.kill-every} (1,000) messages submitted — first the core three times, then the
 * edge three times, then both at once twice — during a burst of 9,000 that the core stored before the
 * first kill. Every message arrives, in order; a duplicate is allowed only for the submit_sm that
 * was outstanding at a kill or whose answer was not yet on disk (ADR 0021: at most 2 per kill with
 * the default max-unsynced-outcomes of 1), and counted. No ring is ever rebuilt: no store is lost
 * (ADR 0024).
 */
class KillEverySoak {

    private static final int EVERY = Integer.getInteger("soak.kill-every", 1_000);
    private enum Victim { CORE, EDGE, BOTH }
    private static final List<Victim> KILLS = List.of(Victim.CORE, Victim.CORE, Victim.CORE,
            Victim.EDGE, Victim.EDGE, Victim.EDGE, Victim.BOTH, Victim.BOTH);

    @Test
    void killingCoreEdgeAndBothEveryThousandMessagesLosesNothing() throws Exception {
        int burst = EVERY * (KILLS.size() + 1);
        Duration limit = Duration.ofMinutes(10);
        try (SluiceSites sites = new SluiceSites("kill-every").start()) {
            try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
                sendBurst(alice, 0, burst); // each SEND receipted: stored at the core
            }
            LongSupplier submits = () -> sites.emulatorApi().stats().path("submits").asLong();
            List<String> restarts = new ArrayList<>();
            for (int kill = 0; kill < KILLS.size(); kill++) {
                long threshold = (long) EVERY * (kill + 1);
                await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> submits.getAsLong() >= threshold);
                Victim victim = KILLS.get(kill);
                long started = System.nanoTime();
                if (victim != Victim.EDGE) {
                    sites.core().kill();
                }
                if (victim != Victim.CORE) {
                    sites.edge().kill();
                }
                if (victim != Victim.EDGE) {
                    sites.startCore().awaitReady(SluiceSites.STARTUP);
                }
                if (victim != Victim.CORE) {
                    sites.startEdge().awaitReady(SluiceSites.STARTUP);
                }
                restarts.add(String.format("%s at %d: ready in %.1f s", victim, submits.getAsLong(),
                        (System.nanoTime() - started) / 1e9));
            }

            awaitAllArrived(sites, burst, sites.coreHttpPort);
            int duplicates = assertExactlyOnceInOrder(sites, burst, 2 * KILLS.size());
            awaitRingsSettled(sites.coreHttpPort, sites.edgeHttpPort);
            assertNoRingRebuilt(sites.coreHttpPort, sites.edgeHttpPort); // the journals survive kill -9
            assertThat(sites.emulatorApi().stats().path("violations").asLong()).isZero();
            System.out.printf("kill every %d: %d MT, %d kills (%s); all arrived in order, %d duplicated at the SMSC%n",
                    EVERY, burst, KILLS.size(), String.join("; ", restarts), duplicates);
        }
    }
}
