package io.sluice.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undoing one transaction's changes while others are open on the same ring (ADR 0026). A transaction
 * here is the list its changes are kept in; {@link #in} says which one the next changes belong to.
 */
class RingUndoTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");

    private final Ring ring = new Ring("mt.alpha", 8);
    private List<RingChange> current;

    @BeforeEach
    void journal() {
        ring.journal(change -> {
            if (current == null) {
                return false; // no transaction open: as good as committed
            }
            current.add(change);
            return true;
        });
    }

    @Test
    void aRolledBackProcessingLeavesAnOpenTransactionsRetrievalsAndTheSequenceGoesOn() throws Exception {
        Open open = retrievingWhileReporting();
        List<RingChange> retrieving = open.retrieving();
        List<RingChange> reporting = open.reporting();

        ring.undo(newestFirst(reporting));

        assertThat(ring.pointers()).isEqualTo(new Pointers(5, 5, 2, 0));
        assertThat(ring.slot(1)).get().extracting(Slot::isProcessed).isEqualTo(false);
        in(retrieving);
        assertThat(ring.retrieve(payload(6), NOW).sequence()).as("not 3 again").isEqualTo(6);
        ring.settle(retrieving);
        assertThat(ring.pointers()).isEqualTo(committed().pointers());
    }

    @Test
    void aRolledBackRetrievalFreesItsSlotsAndLeavesAnotherTransactionsProcessing() throws Exception {
        Open open = retrievingWhileReporting();
        List<RingChange> retrieving = open.retrieving();
        List<RingChange> reporting = open.reporting();
        ring.settle(reporting);

        ring.undo(newestFirst(retrieving));

        assertThat(ring.pointers()).isEqualTo(new Pointers(2, 2, 2, 2));
        assertThat(ring.occupancy()).isZero();
        in(null);
        assertThat(ring.retrieve(payload(3), NOW).sequence()).isEqualTo(3);
    }

    @Test
    void aSlotFreedByOneOpenTransactionAndTakenByAnotherGoesBackWhicheverRollsBackFirst() throws Exception {
        for (boolean reportFirst : new boolean[] {true, false}) {
            Ring fresh = new Ring("mt.beta", 2);
            List<List<RingChange>> open = new ArrayList<>();
            fresh.journal(change -> {
                open.get(open.size() - 1).add(change);
                return true;
            });
            open.add(new ArrayList<>());
            fresh.retrieve(payload(1), NOW);
            fresh.markSent(1);
            fresh.confirm(1);
            fresh.retrieve(payload(2), NOW);
            fresh.settle(open.get(0));
            Slot confirmed = fresh.slot(1).orElseThrow();

            List<RingChange> reporting = new ArrayList<>();
            open.add(reporting);
            fresh.process(1); // frees slot 1 of 2 ...
            List<RingChange> retrieving = new ArrayList<>();
            open.add(retrieving);
            fresh.retrieve(payload(3), NOW); // ... which sequence 3 takes before the report commits

            fresh.undo(newestFirst(reportFirst ? reporting : retrieving));
            fresh.undo(newestFirst(reportFirst ? retrieving : reporting));

            assertThat(fresh.slot(1)).as("report undone %s", reportFirst ? "first" : "second").contains(confirmed);
            assertThat(fresh.slot(3)).isEmpty();
            assertThat(fresh.pointers()).isEqualTo(new Pointers(2, 1, 1, 0));
        }
    }

    @Test
    void aWriteUndoneAfterALaterOneCommittedLeavesTheCommittedRecord() throws Exception {
        List<RingChange> first = in(new ArrayList<>());
        ring.retrieve(payload(1), NOW);
        ring.markSent(1);
        List<RingChange> second = in(new ArrayList<>());
        ring.confirm(1); // over the first transaction's record, whole slot and all
        ring.settle(second);

        ring.undo(newestFirst(first));

        assertThat(ring.slot(1)).get().extracting(slot -> slot.has(Flag.CONFIRMED)).isEqualTo(true);
        assertThat(ring.pointers()).isEqualTo(new Pointers(1, 1, 1, 0));
    }

    @Test
    void aReplayLeavesOutASlotWhoseRetrievalIsStillOpenAndTakesItOnceCommitted() throws Exception {
        in(null);
        retrieve(1);
        List<RingChange> retrieving = in(new ArrayList<>());
        retrieve(2);
        in(null);

        assertThat(ring.replayWindow()).extracting(Slot::sequence).containsExactly(1L);
        assertThat(ring.rebuildWindow()).extracting(Slot::sequence).containsExactly(1L);

        ring.settle(retrieving);
        assertThat(ring.replayWindow()).extracting(Slot::sequence).containsExactly(1L, 2L);
        assertThat(ring.rebuildWindow()).extracting(Slot::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aRetrievalLeftOutOfAReplayAndRolledBackLeavesItsSequenceToTheNextMessage() throws Exception {
        List<RingChange> retrieving = in(new ArrayList<>());
        retrieve(1);
        assertThat(ring.replayWindow()).as("m1 is not the slot's for good").isEmpty();

        ring.undo(newestFirst(retrieving));
        in(null);
        Slot next = ring.retrieve(new Payload("m9", "bob", "+447700900002", null, "another"), NOW);

        assertThat(next.sequence()).isEqualTo(1);
        ring.markSent(1);
        assertThat(ring.replayWindow()).extracting(slot -> slot.payload().messageId()).containsExactly("m9");
    }

    @Test
    void aSlotWhoseRetrievalCommittedStaysInTheReplayWhileALaterWriteToItIsOpen() throws Exception {
        in(null);
        retrieve(1);
        ring.retrieve(payload(2), NOW);
        in(new ArrayList<>());
        ring.markSent(2); // the slot's second write, the first one committed

        assertThat(ring.replayWindow()).extracting(Slot::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aProcessingUndoneAfterAWaitingRetrieveTookItsSlotLeavesItsRecordForTheReportThatComesAgain() throws Exception {
        in(null);
        retrieve(1, 2, 3, 4, 5, 6, 7, 8); // the ring is full
        List<RingChange> reporting = in(new ArrayList<>());
        ring.process(1);
        List<RingChange> retrieving = in(new ArrayList<>());
        retrieve(9); // into 1's slot, freed by the open report
        ring.settle(retrieving);

        ring.undo(newestFirst(reporting));

        assertThat(ring.slot(1)).as("the slot is 9's, as its store says").isEmpty();
        List<RingChange> again = in(new ArrayList<>());
        assertThat(ring.process(1)).isEmpty();
        assertThat(ring.takeStranded(1)).get().extracting(slot -> slot.payload().messageId()).isEqualTo("m1");
        ring.undo(newestFirst(again)); // the report's second batch rolls back too

        in(new ArrayList<>());
        assertThat(ring.takeStranded(1)).as("given back by the rollback").isPresent();
        assertThat(ring.takeStranded(1)).as("taken once").isEmpty();
        assertThat(ring.pointers()).isEqualTo(committed().pointers());
    }

    @Test
    void aReportAboutAStrandedRecordWaitsWhileItsOldSlotsRetrievalIsOpenAndIsProcessedThereIfItRollsBack() throws Exception {
        in(null);
        retrieve(1, 2, 3, 4, 5, 6, 7, 8);
        List<RingChange> reporting = in(new ArrayList<>());
        ring.process(1);
        List<RingChange> retrieving = in(new ArrayList<>());
        retrieve(9);
        ring.undo(newestFirst(reporting)); // while 9's retrieval is open: 1 is stranded, for now

        in(new ArrayList<>());
        assertThatThrownBy(() -> ring.processReported(1)).isInstanceOf(SlotInDoubtException.class);
        ring.undo(newestFirst(retrieving)); // and then 9's retrieval rolls back too

        in(null);
        Ring.Reported reported = ring.processReported(1);
        assertThat(reported.written()).as("processed in its slot, which came back").get()
                .extracting(Slot::isProcessed).isEqualTo(true);
        assertThat(reported.toTell()).isPresent();
        retrieve(9); // the slot goes to 9 for good
        assertThat(ring.processReported(1).toTell()).as("a report that comes once more tells nobody").isEmpty();
    }

    @Test
    void aReportThatProcessesItsSlotTellsOnceAndAStrandedRecordIsToldFromOnce() throws Exception {
        in(null);
        retrieve(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ring.processReported(2).toTell()).isPresent();
        assertThat(ring.processReported(2).toTell()).as("already processed").isEmpty();

        List<RingChange> reporting = in(new ArrayList<>());
        ring.process(1);
        in(null);
        retrieve(9); // committed, into 1's slot
        ring.undo(newestFirst(reporting));

        Ring.Reported reported = ring.processReported(1);
        assertThat(reported.written()).as("nothing of 1 is written: the slot is 9's").isEmpty();
        assertThat(reported.toTell()).get().extracting(slot -> slot.payload().messageId()).isEqualTo("m1");
        assertThat(ring.processReported(1).toTell()).isEmpty();
    }

    @Test
    void anAdoptedFloorRolledBackIsUndone() {
        Ring mirror = new Ring("mo.alpha", 8);
        mirror.accept(5, payload(5), NOW); // 1 to 4 never came: the mirror lost its store
        List<RingChange> rebuild = new ArrayList<>();
        mirror.journal(rebuild::add);

        assertThat(mirror.adoptFloor(4)).extracting(Slot::sequence).containsExactly(5L);
        mirror.undo(newestFirst(rebuild));

        assertThat(mirror.floor()).isZero();
        assertThat(mirror.pointers().lastConfirmed()).isZero();
        assertThat(mirror.undelivered()).isEmpty();
    }

    @Test
    void undoingEverythingInAnyInterleavingGivesBackTheRingAsCommitted() throws Exception {
        sendAndConfirm(1, 2, 3, 4, 5, 6);
        Ring before = committed();
        List<RingChange> a = in(new ArrayList<>());
        ring.process(2);
        List<RingChange> b = in(new ArrayList<>());
        ring.process(1);
        ring.retrieve(payload(7), NOW);
        in(a);
        ring.process(3);
        ring.retrieve(payload(8), NOW);
        ring.markSent(8);
        in(b);
        ring.retrieve(payload(9), NOW); // slot 1, freed by b itself

        ring.undo(newestFirst(a));
        ring.undo(newestFirst(b));

        assertThat(ring.slots()).isEqualTo(before.slots());
        assertThat(ring.pointers()).isEqualTo(before.pointers());
    }

    /**
     * Three transactions retrieve, confirm and process on a ring of three slots in a random interleaving,
     * then commit or roll back in a random order. A model of the store keeps each committed record under
     * its last-value key, in commit order, as the broker does. Once all have ended, memory must be what
     * that store loads: slot for slot, pointer for pointer.
     */
    @Test
    void inAnyInterleavingMemoryEndsAsAStoreFilledInCommitOrderWouldLoad() throws Exception {
        for (long seed = 1; seed <= 3000; seed++) {
            Random random = new Random(seed);
            Ring fresh = new Ring("mt.model", 3);
            RingStore keys = new RingStore(null, "model", 3);
            Map<String, Slot> store = new HashMap<>();
            List<List<RingChange>> open = new ArrayList<>();
            int[] writer = {-1};
            fresh.journal(change -> {
                if (writer[0] < 0) {
                    return false;
                }
                open.get(writer[0]).add(change);
                return true;
            });
            long next = 1;
            for (; next <= 2; next++) { // committed before: 1 and 2 sent and confirmed
                fresh.retrieve(payload(next), NOW);
                fresh.markSent(next);
                store.put(keys.keyOf(fresh.confirm(next).orElseThrow()), fresh.slot(next).orElseThrow());
            }
            for (int t = 0; t < 3; t++) {
                open.add(new ArrayList<>());
            }
            for (int step = 0; step < 8; step++) {
                writer[0] = random.nextInt(3);
                long lastRetrieved = fresh.pointers().lastRetrieved();
                long sequence = Math.max(1, lastRetrieved - random.nextInt(3));
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            if (fresh.hasRoom()) {
                                fresh.retrieve(payload(next++), NOW);
                                fresh.markSent(lastRetrieved + 1);
                            }
                        }
                        case 1 -> fresh.confirm(sequence);
                        default -> fresh.process(sequence);
                    }
                } catch (RingFullException | IllegalArgumentException notNow) {
                    // a step the ring refuses changes nothing
                }
            }
            writer[0] = -1;
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            Collections.shuffle(order, random);
            for (int t : order) {
                List<RingChange> changes = open.get(t);
                if (random.nextBoolean()) {
                    for (RingChange change : changes) {
                        if (change instanceof RingChange.SlotWrite write) {
                            store.put(keys.keyOf(write.after()), write.after());
                        }
                    }
                    fresh.settle(changes);
                } else {
                    fresh.undo(newestFirst(changes));
                }
            }
            Ring loaded = Ring.restore("loaded", 3, 0, store.values());
            assertThat(fresh.slots()).as("slots, seed %d", seed).isEqualTo(loaded.slots());
            assertThat(fresh.pointers()).as("pointers, seed %d", seed).isEqualTo(loaded.pointers());
        }
    }

    /** The two transactions open at once on the core's MT ring: ring-mt-send's and link-reports'. */
    private record Open(List<RingChange> retrieving, List<RingChange> reporting) {
    }

    /** 1 and 2 sent and confirmed; one transaction retrieves 3 to 5, another processes 1 and 2. */
    private Open retrievingWhileReporting() throws RingFullException {
        sendAndConfirm(1, 2);
        List<RingChange> retrieving = in(new ArrayList<>());
        retrieve(3, 4, 5);
        List<RingChange> reporting = in(new ArrayList<>());
        ring.process(1);
        ring.process(2);
        return new Open(retrieving, reporting);
    }

    /** The next changes belong to {@code transaction} (null: none is open). */
    private List<RingChange> in(List<RingChange> transaction) {
        current = transaction;
        return transaction;
    }

    private void sendAndConfirm(long... sequences) throws RingFullException {
        in(null);
        for (long sequence : sequences) {
            ring.retrieve(payload(sequence), NOW);
            ring.markSent(sequence);
            ring.confirm(sequence);
        }
    }

    private void retrieve(long... sequences) throws RingFullException {
        for (long sequence : sequences) {
            assertThat(ring.retrieve(payload(sequence), NOW).sequence()).isEqualTo(sequence);
            ring.markSent(sequence);
        }
    }

    /** What a store holding every record in the ring now would load. */
    private Ring committed() {
        return Ring.restore("copy", ring.capacity(), ring.floor(), ring.slots().stream().filter(Objects::nonNull).toList());
    }

    private static List<RingChange> newestFirst(List<RingChange> changes) {
        List<RingChange> reversed = new ArrayList<>(changes);
        Collections.reverse(reversed);
        return reversed;
    }

    private static Payload payload(long n) {
        return new Payload("m" + n, "alice", "+447700900001", null, "text " + n);
    }
}
