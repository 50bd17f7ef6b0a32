package io.sluice.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void slotAddressIsSequenceModuloCapacityAndSequencesStartAtOne() throws Exception {
        Ring ring = new Ring("mt.alpha", 255);
        Slot first = ring.retrieve(new Payload("m1", "alice", "+447700900001", null, "hi"), NOW);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.address()).isEqualTo(1);
        assertThat(first.flags()).containsExactly(Flag.RETRIEVED);
        assertThat(ring.pointers()).isEqualTo(new Pointers(1, 0, 0, 0));
    }

    @Test
    void wrapsAroundPastTwoToTheSixteenSequencesReusingSlotsOnlyAfterProcessing() throws Exception {
        Ring ring = new Ring("mt.alpha", 255);
        int total = 70_000;
        for (int i = 1; i <= total; i++) {
            Slot slot = ring.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "text " + i), NOW);
            assertThat(slot.sequence()).isEqualTo(i);
            assertThat(slot.address()).isEqualTo(i % 255);
            ring.markSent(i);
            ring.confirm(i);
            ring.process(i);
        }
        assertThat(ring.pointers()).isEqualTo(new Pointers(total, total, total, total));
        assertThat(ring.pointers().settled()).isTrue();
        assertThat(ring.occupancy()).isZero();
        assertThat(ring.slots()).filteredOn(Objects::nonNull).hasSize(255)
                .allSatisfy(slot -> assertThat(slot.sequence()).isGreaterThan(total - 255L));
    }

    @Test
    void confirmationsAndProcessingInRandomOrderAdvanceTheContiguousPrefixes() throws Exception {
        Ring ring = new Ring("mt.alpha", 255);
        int count = 200;
        sendAll(ring, count);
        List<Integer> order = shuffled(count, 42);
        BitSet confirmed = new BitSet();
        for (int sequence : order) {
            ring.confirm(sequence);
            confirmed.set(sequence);
            assertThat(ring.pointers().lastConfirmed()).isEqualTo(confirmed.nextClearBit(1) - 1);
        }
        BitSet processed = new BitSet();
        for (int sequence : shuffled(count, 7)) {
            ring.process(sequence);
            processed.set(sequence);
            assertThat(ring.pointers().lastProcessed()).isEqualTo(processed.nextClearBit(1) - 1);
        }
        assertThat(ring.pointers()).isEqualTo(new Pointers(count, count, count, count));
    }

    @Test
    void theReplayWindowRunsFromLastConfirmedToLastSentSkippingIndividuallyConfirmedSlots() throws Exception {
        Ring ring = new Ring("mt.alpha", 16);
        sendAll(ring, 10);
        ring.retrieve(new Payload("m11", "alice", "+447700900001", null, "not sent yet"), NOW);
        for (int sequence : new int[] {1, 2, 3, 5, 7}) {
            ring.confirm(sequence);
        }
        assertThat(ring.pointers().lastConfirmed()).isEqualTo(3);
        assertThat(ring.replayWindow()).extracting(Slot::sequence).containsExactly(4L, 6L, 8L, 9L, 10L);

        for (int sequence : new int[] {4, 6, 8, 9, 10}) {
            ring.confirm(sequence);
        }
        assertThat(ring.replayWindow()).isEmpty();
        assertThat(ring.rebuildWindow()).extracting(Slot::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aFullRingRefusesUntilTheNextSlotIsProcessed() throws Exception {
        Ring ring = new Ring("mo.alpha", 4);
        sendAll(ring, 4);
        assertThat(ring.hasRoom()).isFalse();
        assertThatThrownBy(() -> ring.retrieve(new Payload("m5", "+447700900001", "alice", null, "one too many"), NOW))
                .isInstanceOf(RingFullException.class).hasMessageContaining("sequence 1");

        ring.process(2); // not the slot sequence 5 needs
        assertThat(ring.hasRoom()).isFalse();
        ring.process(1);
        assertThat(ring.hasRoom()).isTrue();
        Slot fifth = ring.retrieve(new Payload("m5", "+447700900001", "alice", null, "now it fits"), NOW);
        assertThat(fifth.address()).isEqualTo(1);
        assertThat(ring.occupancy()).isEqualTo(3);
    }

    @Test
    void anOriginWhosePeersRingIsSmallerRunsNoFurtherAheadThanThePeersSlots() throws Exception {
        Ring ring = new Ring("mo.alpha", 16);
        ring.limitWindow(4); // the mirror has 4 slots: it would take 5 in 1's slot as proof that 1 was processed
        sendAll(ring, 4);
        assertThat(ring.hasRoom()).isFalse();
        assertThatThrownBy(() -> ring.retrieve(new Payload("m5", "+447700900001", "alice", null, "too far ahead"), NOW))
                .isInstanceOf(RingFullException.class).hasMessageContaining("sequence 1 is not processed yet")
                .hasMessageContaining("4 slots");

        ring.process(2); // not the one 5 would overwrite at the peer
        assertThat(ring.hasRoom()).isFalse();
        ring.process(1);
        assertThat(ring.hasRoom()).isTrue();
        assertThat(ring.retrieve(new Payload("m5", "+447700900001", "alice", null, "now it fits"), NOW).address())
                .as("its own slot in this ring of 16").isEqualTo(5);

        ring.limitWindow(64);
        assertThat(ring.window()).as("never beyond its own capacity").isEqualTo(16);
        for (int i = 6; i <= 18; i++) { // 17 and 18 take the slots of 1 and 2, processed
            ring.retrieve(new Payload("m" + i, "+447700900001", "alice", null, "text " + i), NOW);
        }
        assertThatThrownBy(() -> ring.retrieve(new Payload("m19", "+447700900001", "alice", null, "full"), NOW))
                .isInstanceOf(RingFullException.class).hasMessageContaining("still holds sequence 3");
    }

    @Test
    void retrievingAMessageAgainBeforeItIsProcessedReturnsItsSlot() throws Exception {
        Ring ring = new Ring("mt.alpha", 8);
        Slot first = ring.retrieve(new Payload("same-id", "alice", "+447700900001", null, "once"), NOW);
        Slot again = ring.retrieve(new Payload("same-id", "alice", "+447700900001", null, "once"), NOW);
        assertThat(again).isEqualTo(first);
        assertThat(ring.pointers().lastRetrieved()).isEqualTo(1);
    }

    @Test
    void aLateConfirmationForAProcessedAndReusedSlotIsIgnoredAnUnknownOneIsAnError() throws Exception {
        Ring ring = new Ring("mt.alpha", 2);
        sendAll(ring, 2);
        ring.process(1);
        ring.process(2);
        ring.retrieve(new Payload("m3", "alice", "+447700900001", null, "reuses slot 1"), NOW);
        assertThat(ring.confirm(1)).as("slot 1 now holds sequence 3").isEmpty();
        assertThat(ring.process(2)).as("a repeated report is idempotent").get()
                .extracting(Slot::isProcessed).isEqualTo(true);
        assertThat(ring.pointers()).isEqualTo(new Pointers(3, 2, 2, 2));
        assertThatThrownBy(() -> ring.confirm(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMirrorStoresInTheSameSlotDropsDuplicatesAndRefusesAnOverrun() {
        Ring mirror = new Ring("mt.alpha", 4);
        assertThat(mirror.accept(1, new Payload("m1", "alice", "+447700900001", null, "one"), NOW).outcome()).isEqualTo(Ring.Acceptance.STORED);
        assertThat(mirror.accept(1, new Payload("m1", "alice", "+447700900001", null, "one"), NOW).outcome()).isEqualTo(Ring.Acceptance.DUPLICATE);
        assertThat(mirror.slot(1)).get().extracting(Slot::flags).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(Flag.class))
                .containsExactlyInAnyOrder(Flag.RETRIEVED, Flag.SENT, Flag.CONFIRMED);
        assertThat(mirror.accept(5, new Payload("m5", "alice", "+447700900001", null, "overrun"), NOW).outcome()).isEqualTo(Ring.Acceptance.SLOT_BUSY);

        mirror.process(1);
        assertThat(mirror.accept(5, new Payload("m5", "alice", "+447700900001", null, "fits now"), NOW).outcome()).isEqualTo(Ring.Acceptance.STORED);
        assertThat(mirror.accept(1, new Payload("m1", "alice", "+447700900001", null, "replayed"), NOW).outcome())
                .isEqualTo(Ring.Acceptance.ALREADY_PROCESSED);
    }

    @Test
    void theMirrorsPrefixWaitsForAGapAndItDeliversInSequenceOrder() {
        Ring mirror = new Ring("mt.alpha", 8);
        assertThat(mirror.accept(1, new Payload("m1", "a", "b", null, "one"), NOW).inOrder())
                .extracting(Slot::sequence).containsExactly(1L);
        assertThat(mirror.accept(3, new Payload("m3", "a", "b", null, "three"), NOW).inOrder())
                .as("held back: 2 is missing").isEmpty();
        assertThat(mirror.undelivered()).extracting(Slot::sequence).as("3 waits for 2").containsExactly(1L);
        assertThat(mirror.pointers()).isEqualTo(new Pointers(3, 3, 1, 0));
        assertThat(mirror.accept(2, new Payload("m2", "a", "b", null, "two"), NOW).inOrder())
                .extracting(Slot::sequence).containsExactly(2L, 3L);
        assertThat(mirror.pointers().lastConfirmed()).isEqualTo(3);
        assertThat(mirror.undelivered()).extracting(slot -> slot.payload().text()).containsExactly("one", "two", "three");
    }

    @Test
    void aRebuiltMirrorAdoptsTheOriginsProgressAsItsFloor() {
        Ring mirror = new Ring("mt.alpha", 255);
        mirror.adoptFloor(949);
        assertThat(mirror.pointers()).isEqualTo(new Pointers(949, 949, 949, 949));
        assertThat(mirror.accept(949, new Payload("old", "a", "b", null, "old"), NOW).outcome()).isEqualTo(Ring.Acceptance.ALREADY_PROCESSED);
        assertThat(mirror.accept(950, new Payload("m950", "a", "b", null, "replayed"), NOW).outcome()).isEqualTo(Ring.Acceptance.STORED);
        assertThat(mirror.pointers()).isEqualTo(new Pointers(950, 950, 950, 949));
    }

    @Test
    void aRingRestoredFromItsSlotsAndFloorHasTheSamePointersAndWindowsAndCarriesOn() throws Exception {
        Ring ring = new Ring("mt.alpha", 16);
        for (int i = 1; i <= 40; i++) {       // wrapped twice
            ring.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "text " + i), NOW);
            ring.markSent(i);
            ring.confirm(i);
            ring.process(i);
        }
        sendAll(ring, 41, 52);
        ring.retrieve(new Payload("m53", "alice", "+447700900001", null, "retrieved only"), NOW);
        for (int sequence : new int[] {41, 42, 44, 47}) {
            ring.confirm(sequence);
        }
        ring.process(41);
        ring.process(44);

        Ring restored = Ring.restore("mt.alpha", 16, ring.floor(), ring.slots().stream().filter(Objects::nonNull).toList());

        assertThat(restored.pointers()).isEqualTo(ring.pointers()).isEqualTo(new Pointers(53, 52, 42, 41));
        assertThat(restored.slots()).isEqualTo(ring.slots());
        assertThat(restored.replayWindow()).isEqualTo(ring.replayWindow());
        assertThat(restored.occupancy()).isEqualTo(ring.occupancy());
        assertThat(restored.retrieve(new Payload("m53", "alice", "+447700900001", null, "retrieved only"), NOW).sequence()).isEqualTo(53);
        restored.markSent(53);
        for (int i = 42; i <= 53; i++) {
            restored.process(i);
        }
        assertThat(restored.pointers()).isEqualTo(new Pointers(53, 53, 53, 53));
    }

    @Test
    void aRestoredMirrorWithAGapDoesNotClaimTheGap() {
        Ring mirror = new Ring("mt.alpha", 8);
        mirror.adoptFloor(100);
        mirror.accept(101, new Payload("m101", "a", "b", null, "x"), NOW);
        mirror.accept(103, new Payload("m103", "a", "b", null, "y"), NOW);
        Ring restored = Ring.restore("mt.alpha", 8, mirror.floor(), mirror.slots().stream().filter(Objects::nonNull).toList());
        assertThat(restored.pointers()).isEqualTo(new Pointers(103, 103, 101, 100));
    }

    private static void sendAll(Ring ring, int count) throws RingFullException {
        sendAll(ring, 1, count);
    }

    private static void sendAll(Ring ring, int from, int to) throws RingFullException {
        for (int i = from; i <= to; i++) {
            ring.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "text " + i), NOW);
            ring.markSent(i);
        }
    }

    private static List<Integer> shuffled(int count, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order;
    }
}
