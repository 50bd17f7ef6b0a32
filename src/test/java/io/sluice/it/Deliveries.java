package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.stomp.StompFrame;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Accounting for MT bursts at the emulator's handsets and MO bursts in an inbox, for the tests that
 * kill sites mid-burst (RingIT, StandbyCoreIT): texts {@code alice: mt <i>} round-robin over
 * {@link #PHONES}, MO texts {@code mo <i>}.
 */
final class Deliveries {

    static final List<String> PHONES = List.of("+447700900701", "+447700900702", "+447700900703", "+447700900704");
    static final Duration DRAIN = Duration.ofMinutes(4);

    private Deliveries() {
    }

    /** MT messages {@code mt from..from+count-1} round-robin over the phones, all stored at the core when this returns. */
    static void sendBurst(ChatUser sender, int from, int count) throws Exception {
        List<String> to = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            to.add(PHONES.get(i % PHONES.size()));
            texts.add("mt " + i);
            refs.add("mt-" + i);
        }
        sender.sendAllStored(to, texts, refs);
    }

    static int handsetTotal(SluiceSites sites) {
        return PHONES.stream().mapToInt(phone -> StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone)).size()).sum();
    }

    static int distinctTotal(SluiceSites sites) {
        return arrivedTexts(sites).size();
    }

    private static Set<String> arrivedTexts(SluiceSites sites) {
        Set<String> distinct = new HashSet<>();
        PHONES.forEach(phone -> StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone))
                .forEach(message -> distinct.add(message.path("text").asText())));
        return distinct;
    }

    /** Waits until every MT text of the burst reached a handset; names the missing ones if not. */
    static void awaitAllArrived(SluiceSites sites, int burst, int coreHttpPort) {
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).until(() -> distinctTotal(sites) >= burst);
        } catch (ConditionTimeoutException e) {
            Set<String> arrived = arrivedTexts(sites);
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < burst && missing.size() < 50; i++) {
                if (!arrived.contains("alice: mt " + i)) {
                    missing.add(i);
                }
            }
            throw new AssertionError(arrived.size() + " of " + burst + " arrived; missing (first 50) " + missing
                    + "\ncore: " + new SiteApi(coreHttpPort).unsettledRings()
                    + "\nedge: " + new SiteApi(sites.edgeHttpPort).unsettledRings(), e);
        }
    }

    /** Every MT text once (duplicates only up to {@code allowedDuplicates}), in order per handset; returns the duplicates. */
    static int assertExactlyOnceInOrder(SluiceSites sites, int expected, int allowedDuplicates) {
        Map<String, Integer> copies = new HashMap<>();
        for (String phone : PHONES) {
            List<Integer> order = new ArrayList<>();
            for (JsonNode message : StompToPhoneIT.messagesOf(sites.emulatorApi().handset(phone))) {
                String text = message.path("text").asText();
                copies.merge(text, 1, Integer::sum);
                if (text.startsWith("alice: mt ")) {
                    order.add(Integer.parseInt(text.substring("alice: mt ".length())));
                }
            }
            assertFirstArrivalsInOrder(order, phone);
        }
        List<String> duplicated = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " x" + entry.getValue()).sorted().toList();
        if (!duplicated.isEmpty()) {
            System.out.println("Duplicated at the SMSC: " + duplicated);
        }
        assertThat(copies).hasSize(expected);
        assertThat(duplicated.size()).isLessThanOrEqualTo(allowedDuplicates);
        return duplicated.size();
    }

    /**
     * Each message's first arrival comes after the one before it. A copy sent again after an edge kill
     * (its submit outstanding, or its answer not yet on disk: ADR 0021) may follow later ones, e.g.
     * 7 8 7 8 9; what matters is that nothing overtook a message that was never there.
     */
    static void assertFirstArrivalsInOrder(List<Integer> arrivals, String phone) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < arrivals.size(); i++) {
            int number = arrivals.get(i);
            if (seen.add(number)) {
                assertThat(number).as("first arrivals in order at %s, position %d", phone, i).isGreaterThan(last);
                last = number;
            }
        }
    }

    /** MO texts {@code mo <i>}: each once, in order per phone, {@code moCount} of them. */
    static void assertMoExactlyOnceInOrder(List<StompFrame> chats, int moCount) {
        assertMoInOrder(chats, moCount, 0);
    }

    /**
     * MO texts {@code mo <i>}: all {@code moCount} of them, in order per phone, at most
     * {@code allowedDuplicates} of them twice; returns how many were.
     */
    static int assertMoInOrder(List<StompFrame> chats, int moCount, int allowedDuplicates) {
        Map<String, List<Integer>> byPhone = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (StompFrame chat : chats) {
            if (chat.body().startsWith("mo ")) {
                copies.merge(chat.body(), 1, Integer::sum);
                byPhone.computeIfAbsent(chat.header("from"), phone -> new ArrayList<>())
                        .add(Integer.parseInt(chat.body().substring(3)));
            }
        }
        List<String> duplicated = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        if (!duplicated.isEmpty()) {
            System.out.println("MO delivered twice: " + duplicated);
        }
        assertThat(duplicated.size()).as("MO delivered twice: %s", duplicated).isLessThanOrEqualTo(allowedDuplicates);
        assertThat(copies).hasSize(moCount);
        byPhone.forEach((phone, order) -> assertThat(order).as("MO order from %s", phone).isSorted());
        return duplicated.size();
    }

    /** Both ends' rings empty and equal (the core's at {@code coreHttpPort}, the edge's). */
    static void awaitRingsSettled(int coreHttpPort, int edgeHttpPort) {
        SiteApi core = new SiteApi(coreHttpPort);
        SiteApi edge = new SiteApi(edgeHttpPort);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> core.ringsSettled() && edge.ringsSettled());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The rings did not settle.\ncore: " + core.unsettledRings() + "\nedge: "
                    + edge.unsettledRings(), e);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(core.rings().get(i).path("pointers")).as("both ends mirror each other")
                    .isEqualTo(edge.rings().get(i).path("pointers"));
        }
    }

    /**
     * No ring at either end was rebuilt: only a ring rebuilt after its store was lost, or an origin that
     * lost its own, has a floor (ADR 0024). Kills with the journals kept must never cause one.
     */
    static void assertNoRingRebuilt(int coreHttpPort, int edgeHttpPort) {
        for (int port : new int[] {coreHttpPort, edgeHttpPort}) {
            for (JsonNode ring : new SiteApi(port).rings()) {
                assertThat(ring.path("floor").asLong()).as("floor of %s at port %d", ring.path("name").asText(), port)
                        .isZero();
            }
        }
    }
}
