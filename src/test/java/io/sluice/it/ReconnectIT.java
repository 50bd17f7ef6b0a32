package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;

/**
 * Sites killed for real (SIGKILL) and restarted: the edge re-dials the core and re-binds to the
 * SMSC on its own, and nothing the core accepted is lost.
 */
class ReconnectIT {

    @Test
    void theEdgeReconnectsToARestartedCoreAndSmscAndALostEdgeLosesNothing() throws Exception {
        try (SluiceSites sites = new SluiceSites("reconnect").start()) {
            coreKilledAndRestarted(sites);
            edgeKilledMidBurstAndRestarted(sites);
            edgeKilledMidMoBurstAndRestarted(sites);
            smscKilledAndRestarted(sites);
        }
    }

    private static void coreKilledAndRestarted(SluiceSites sites) throws Exception {
        sites.core().kill();
        sites.startCore().awaitReady(SluiceSites.STARTUP);
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            alice.send("+447700900501", "after the core came back", "core-1");
            alice.awaitStatus("core-1", "processed");
        }
        assertThat(texts(StompToPhoneIT.awaitHandsetCount(sites, "+447700900501", 1)))
                .containsExactly("alice: after the core came back");
    }

    /** The edge's default {@code sluice.edge.smsc.max-unsynced-outcomes} (ADR 0021). */
    private static final int MAX_UNSYNCED_OUTCOMES = 1;

    /**
     * Only a submit_sm outstanding at the kill, or one whose answer was not yet on disk, may reach the
     * handset twice (ADR 0021); the test counts them.
     */
    private static void edgeKilledMidBurstAndRestarted(SluiceSites sites) throws Exception {
        String phone = "+447700900502";
        int burst = 200;
        // Receipts: the core has each message before the edge is killed. The user then goes away;
        // what concerns them waits in the inbox. This session does not read the inbox: one that did would
        // take (auto-acknowledge) the statuses of the first messages while the burst is still being sent,
        // and the later session could never see them.
        List<String> refs = new ArrayList<>();
        try (ChatUser bob = ChatUser.senderOnly(sites.stompPort, "bob", "bob-pw")) {
            List<String> to = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                to.add(phone);
                texts.add("burst " + i);
                refs.add("edge-" + i);
            }
            bob.sendAllStored(to, texts, refs);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone)).size() >= 20);
        sites.edge().kill();
        sites.startEdge().awaitReady(SluiceSites.STARTUP);
        // distinct texts: a duplicate must not let the wait end before the last message is in
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                new java.util.HashSet<>(texts(StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone)))).size() >= burst);
        List<String> texts = texts(StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone)));
        Map<String, Integer> copies = new HashMap<>();
        texts.forEach(text -> copies.merge(text, 1, Integer::sum));
        long duplicated = copies.values().stream().filter(n -> n > 1).count();
        System.out.printf("edge kill -9 mid-burst: %d sent, %d distinct at the handset, %d duplicated%n",
                burst, copies.size(), duplicated);
        assertThat(copies).hasSize(burst);
        assertThat(duplicated).as("only the submit_sm outstanding at the kill and the answers not yet on disk may repeat")
                .isLessThanOrEqualTo(1 + MAX_UNSYNCED_OUTCOMES);
        assertThat(copies.values()).allMatch(n -> n <= 2);
        Deliveries.assertFirstArrivalsInOrder(
                texts.stream().map(text -> Integer.parseInt(text.substring("bob: burst ".length()))).toList(), phone);
        // Every message's receipt reaches bob as "delivered", also the receipts the SMSC sent after the restart
        // for messages submitted before the kill: the edge read what the SMSC's ids stand for back from disk
        // (ADR 0029). Before, those were forwarded unmatched and their senders never heard.
        try (ChatUser bob = ChatUser.overTcp(sites, "bob", "bob-pw")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            Map<String, List<String>> statuses = new HashMap<>();
            while (!allDelivered(refs, statuses) && System.nanoTime() < deadline) {
                bob.drain(Duration.ofSeconds(1));
                statuses.clear();
                bob.seen().stream().filter(frame -> "status".equals(frame.header("type"))).forEach(frame -> statuses
                        .computeIfAbsent(frame.header("client_ref"), ref -> new ArrayList<>()).add(frame.header("status")));
            }
            Map<String, List<String>> notDelivered = new TreeMap<>();
            refs.stream().filter(ref -> !statuses.getOrDefault(ref, List.of()).contains("delivered"))
                    .forEach(ref -> notDelivered.put(ref, statuses.getOrDefault(ref, List.of())));
            System.out.printf("edge kill -9 mid-burst: %d of %d senders' messages reported delivered%n",
                    burst - notDelivered.size(), burst);
            assertThat(notDelivered).as("statuses of the messages never reported delivered").isEmpty();
        }
    }

    /**
     * An MO text is on disk in the edge's intake log before the SMSC hears OK (ADR 0038): an edge killed in the
     * middle of a phone's burst loses none of it. The one deliver_sm whose answer the kill cut off is sent again
     * by the SMSC (it sends one at a time) and is the only one that may arrive twice.
     */
    private static void edgeKilledMidMoBurstAndRestarted(SluiceSites sites) throws Exception {
        String phone = "+447700900504";
        int burst = 1000;
        String prefix = "mo burst ";
        ExecutorService phoneSide = Executors.newSingleThreadExecutor();
        try (ChatUser alice = ChatUser.overTcp(sites, "alice", "alice-pw")) {
            Future<?> originated = phoneSide.submit(() -> {
                for (int i = 0; i < burst; i++) {
                    sites.emulatorApi().originateMo(phone, "@alice " + prefix + i);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (burstFrom(alice, phone).size() < 50 && System.nanoTime() < deadline) {
                alice.drain(Duration.ofMillis(200));
            }
            sites.edge().kill();
            int beforeKill = burstFrom(alice, phone).size();
            sites.startEdge().awaitReady(SluiceSites.STARTUP);
            originated.get(60, TimeUnit.SECONDS);
            deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (new java.util.HashSet<>(burstFrom(alice, phone)).size() < burst && System.nanoTime() < deadline) {
                alice.drain(Duration.ofMillis(500));
            }
            alice.drain(Duration.ofSeconds(1)); // a second copy, if any, comes right behind
            List<String> texts = burstFrom(alice, phone);
            Map<String, Integer> copies = new HashMap<>();
            texts.forEach(text -> copies.merge(text, 1, Integer::sum));
            long duplicated = copies.values().stream().filter(n -> n > 1).count();
            System.out.printf("edge kill -9 mid-MO-burst: %d sent by the phone, %d at alice before the kill,"
                    + " %d distinct at alice, %d duplicated%n", burst, beforeKill, copies.size(), duplicated);
            assertThat(beforeKill).as("the kill came in the middle of the burst").isLessThan(burst);
            assertThat(copies).hasSize(burst);
            assertThat(duplicated).as("only the deliver_sm whose answer the kill cut off may repeat").isLessThanOrEqualTo(1);
            Deliveries.assertFirstArrivalsInOrder(
                    texts.stream().map(text -> Integer.parseInt(text.substring(prefix.length()))).toList(), phone);
        } finally {
            phoneSide.shutdownNow();
        }
    }

    private static List<String> burstFrom(ChatUser user, String phone) {
        return user.chats().stream().filter(frame -> phone.equals(frame.header("from"))).map(StompFrame::body).toList();
    }

    private static boolean allDelivered(List<String> refs, Map<String, List<String>> statuses) {
        return refs.stream().allMatch(ref -> statuses.getOrDefault(ref, List.of()).contains("delivered"));
    }

    private static void smscKilledAndRestarted(SluiceSites sites) throws Exception {
        sites.emulator().kill();
        try (ChatUser carol = ChatUser.overWebSocket(sites, "carol", "carol-pw")) {
            carol.send("+447700900503", "sent while the SMSC was down", "smsc-1");
            carol.awaitStatus("smsc-1", "accepted");
        }
        sites.startEmulator().awaitReady(SluiceSites.STARTUP);
        assertThat(texts(StompToPhoneIT.awaitHandsetCount(sites, "+447700900503", 1)))
                .containsExactly("carol: sent while the SMSC was down");
        try (ChatUser carol = ChatUser.overWebSocket(sites, "carol", "carol-pw")) {
            carol.awaitStatus("smsc-1", "processed");
        }
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }
}
