package io.sluice.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import io.sluice.testsupport.BrokenSend;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;

/**
 * A ring whose configured size changed since its store was written (ADR 0039), against a real in-VM broker:
 * its messages not yet processed keep their sequences, flags and pointers in the slots of the new size, and
 * nothing is lost when the change cannot be made.
 */
class RingResizeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T18:00:00Z");
    private static final List<String> CARRIERS = List.of("grow", "shrink", "full", "legacy", "mirror", "broken", "same",
            "gaps", "exact", "rebuilt", "mshrink");
    private static final BrokenSend BROKEN = new BrokenSend();
    /** {@link RingStore#fitToCapacity}'s role argument: this end originates the ring. */
    private static final boolean ORIGIN = false;
    private static final boolean MIRROR = true;
    private static InVmBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new InVmBroker().withPlugin(BROKEN);
        for (String carrier : CARRIERS) {
            broker.withRingStore(Direction.MT, carrier).withRingStore(Direction.MO, carrier);
        }
        broker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void aGrownRingKeepsItsWindowAtTheNewAddressesAndGoesOnWithTheNextSequence() throws Exception {
        Ring before = originWithWindow(store("grow", 4), 10, 3);
        store("grow", 4).savePeerCapacity(4);

        RingStore grown = store("grow", 16);
        assertThat(grown.fitToCapacity("mt.grow", ORIGIN)).isEqualTo(OptionalInt.of(4));
        Ring after = grown.load("mt.grow", 16);

        assertThat(after.pointers()).isEqualTo(before.pointers());
        assertSameMessagesFrom(after, before, 8);
        assertThat(after.slot(8).orElseThrow().address()).isEqualTo(8);
        assertThat(after.replayWindow()).as("sent, not confirmed").extracting(Slot::sequence).containsExactly(9L);
        assertThat(grown.records().slots()).as("every record written for 16 slots")
                .allMatch(record -> record.capacity() == 16 && record.slot().address() == record.slot().sequence() % 16);

        Slot next = after.retrieve(payload(11), NOW);
        assertThat(next.sequence()).isEqualTo(11);
        assertThat(next.address()).isEqualTo(11);
        assertThat(grown.fitToCapacity("mt.grow", ORIGIN)).as("a store that fits is left alone").isEmpty();
        assertThat(grown.peerCapacity()).as("the peer's size as last heard is kept").hasValue(4);
    }

    @Test
    void aSlotProcessedAheadOfLastProcessedIsKeptSoThePrefixCanPassIt() throws Exception {
        RingStore old = store("gaps", 8);
        Ring before = new Ring("mt.gaps", 8);
        for (long sequence = 1; sequence <= 10; sequence++) {
            old.save(before.retrieve(payload(sequence), NOW));
            old.save(before.markSent(sequence));
            if (sequence <= 6 || sequence == 8) { // 8 processed before 7 (its SMSC answer came first)
                old.save(before.confirm(sequence).orElseThrow());
                old.save(before.process(sequence).orElseThrow());
            }
        }

        RingStore grown = store("gaps", 16);
        grown.fitToCapacity("mt.gaps", ORIGIN);
        Ring after = grown.load("mt.gaps", 16);

        assertThat(after.pointers()).isEqualTo(before.pointers());
        after.confirm(7);
        after.process(7);
        assertThat(after.pointers().lastProcessed()).as("past 8, which the re-home kept processed").isEqualTo(8);
    }

    @Test
    void aRingShrinksToExactlyItsMessagesFromLastProcessedOnButNotOneSlotLess() throws Exception {
        Ring before = originWithWindow(store("exact", 8), 20, 4);

        assertThatThrownBy(() -> store("exact", 3).fitToCapacity("mt.exact", ORIGIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start it with 8 slots");
        RingStore shrunk = store("exact", 4);
        assertThat(shrunk.fitToCapacity("mt.exact", ORIGIN)).isEqualTo(OptionalInt.of(8));
        assertThat(shrunk.load("mt.exact", 4).pointers()).isEqualTo(before.pointers());
    }

    @Test
    void aMirrorShrinksOnlyOnceItHasHeardItsOriginRunsWithinTheNewSize() throws Exception {
        RingStore old = store(Direction.MO, "mshrink", 16);
        Ring mirror = new Ring("mo.mshrink", 16);
        for (long sequence = 1; sequence <= 20; sequence++) {
            mirror.accept(sequence, payload(sequence), NOW);
            old.save(mirror.slot(sequence).orElseThrow());
            if (sequence <= 18) {
                old.save(mirror.process(sequence).orElseThrow());
            }
        }
        old.savePeerCapacity(16); // the origin's ring: up to 16 under way, though only 2 are here

        assertThatThrownBy(() -> store(Direction.MO, "mshrink", 8).fitToCapacity("mo.mshrink", MIRROR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its origin may have up to 16 messages under way")
                .hasMessageContaining("shrink the other end first");
        assertThat(store(Direction.MO, "mshrink", 8).checkFit("mo.mshrink", MIRROR)).get(as(STRING))
                .startsWith("the takeover will fail");

        store(Direction.MO, "mshrink", 16).savePeerCapacity(8); // the origin was shrunk and said so
        RingStore shrunk = store(Direction.MO, "mshrink", 8);
        assertThat(shrunk.checkFit("mo.mshrink", MIRROR)).get(as(STRING)).contains("the takeover will re-home 2");
        assertThat(shrunk.fitToCapacity("mo.mshrink", MIRROR)).isEqualTo(OptionalInt.of(16));
        assertThat(shrunk.load("mo.mshrink", 8).pointers()).isEqualTo(mirror.pointers());
    }

    @Test
    void aStoreFromBeforeThatFitsSeveralSizesIsRefusedUnlessTheConfiguredSizeIsOneOfThem() throws Exception {
        // a mirror of 15 slots rebuilt from a floor: 31 and 32 delivered, 33 to 45 not received, 46 and 47 held
        Ring mirror = new Ring("mo.rebuilt", 15);
        mirror.adoptFloor(30);
        for (long sequence : new long[] {31, 32}) {
            mirror.accept(sequence, payload(sequence), NOW);
            mirror.process(sequence);
        }
        mirror.accept(46, payload(46), NOW);
        mirror.accept(47, payload(47), NOW);
        RingStore old = store(Direction.MO, "rebuilt", 15);
        writeWithoutCapacity(old, mirror);

        assertThatThrownBy(() -> store(Direction.MO, "rebuilt", 64).fitToCapacity("mo.rebuilt", ORIGIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("records fit rings of [3, 5, 9, 15, 45] slots")
                .hasMessageContaining("start this version once with the size it had");

        RingStore same = store(Direction.MO, "rebuilt", 15);
        assertThat(same.fitToCapacity("mo.rebuilt", ORIGIN)).as("written again, saying its size").isEqualTo(OptionalInt.of(15));
        assertThat(same.load("mo.rebuilt", 15).pointers()).isEqualTo(mirror.pointers());
        assertThat(same.records().slots()).allMatch(record -> record.capacity() == 15);

        RingStore grown = store(Direction.MO, "rebuilt", 64);
        assertThat(grown.fitToCapacity("mo.rebuilt", ORIGIN)).isEqualTo(OptionalInt.of(15));
        Ring after = grown.load("mo.rebuilt", 64);
        assertThat(after.pointers()).isEqualTo(mirror.pointers());
        assertThat(after.accept(33, payload(33), NOW).inOrder()).as("33 to 45 still to come").extracting(Slot::sequence)
                .containsExactly(33L);
    }

    @Test
    void aRingShrinksWhileItsWindowFits() throws Exception {
        Ring before = originWithWindow(store("shrink", 16), 40, 3);

        RingStore shrunk = store("shrink", 4);
        assertThat(shrunk.fitToCapacity("mt.shrink", ORIGIN)).isEqualTo(OptionalInt.of(16));
        Ring after = shrunk.load("mt.shrink", 4);

        assertThat(after.pointers()).isEqualTo(before.pointers());
        assertSameMessagesFrom(after, before, 38);
        assertThat(after.floor()).isEqualTo(37);
    }

    @Test
    void aRingDoesNotShrinkBelowItsMessagesNotYetProcessedAndItsStoreStaysAsItWas() throws Exception {
        Ring before = originWithWindow(store("full", 8), 20, 6);
        RingStore.Records stored = store("full", 8).records();

        assertThatThrownBy(() -> store("full", 4).fitToCapacity("mt.full", ORIGIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was stored with 8 slots and holds 6 sequences from its Last Processed on (15 to 20)")
                .hasMessageContaining("more than the 4 slots now configured: start it with 8 slots until those are processed");

        assertSameRecords(store("full", 8).records(), stored);
        assertThat(store("full", 8).load("mt.full", 8).pointers()).isEqualTo(before.pointers());
    }

    @Test
    void aStoreFromBeforeRingsSaidTheirSizeIsMeasuredFromWhereItsRecordsAre() throws Exception {
        Ring before = new Ring("mt.legacy", 5);
        RingStore old = store("legacy", 5);
        for (long sequence = 1; sequence <= 12; sequence++) { // round the ring twice: a record in every slot
            before.retrieve(payload(sequence), NOW);
            before.markSent(sequence);
            if (sequence <= 10) {
                before.confirm(sequence);
                before.process(sequence);
            }
        }
        writeWithoutCapacity(old, before);

        RingStore grown = store("legacy", 64);
        assertThat(grown.fitToCapacity("mt.legacy", ORIGIN)).isEqualTo(OptionalInt.of(5));
        Ring after = grown.load("mt.legacy", 64);

        assertThat(after.pointers()).isEqualTo(before.pointers());
        assertSameMessagesFrom(after, before, 11);
    }

    @Test
    void aMirrorKeepsAMessageBeyondAGapAndHandsItOnOnceTheGapIsFilled() throws Exception {
        RingStore old = store(Direction.MO, "mirror", 4);
        Ring mirror = new Ring("mo.mirror", 4);
        for (long sequence : new long[] {1, 2, 4}) {
            mirror.accept(sequence, payload(sequence), NOW);
            old.save(mirror.slot(sequence).orElseThrow());
        }
        old.save(mirror.process(1).orElseThrow());

        RingStore grown = store(Direction.MO, "mirror", 8);
        grown.fitToCapacity("mo.mirror", ORIGIN);
        Ring after = grown.load("mo.mirror", 8);

        assertThat(after.pointers()).isEqualTo(mirror.pointers());
        assertThat(after.undelivered()).extracting(Slot::sequence).containsExactly(2L);
        assertThat(after.accept(3, payload(3), NOW).inOrder()).extracting(Slot::sequence).containsExactly(3L, 4L);
    }

    @Test
    void aResizeThatFailsHalfWayChangesNothingAndTheNextStartDoesIt() throws Exception {
        Ring before = originWithWindow(store("broken", 4), 9, 3);
        RingStore.Records stored = store("broken", 4).records();
        BROKEN.refuse(BrokenSend.toRingStore(Direction.MT, "broken"), 1);

        assertThatThrownBy(() -> store("broken", 32).fitToCapacity("mt.broken", ORIGIN))
                .isInstanceOf(JmsException.class);
        assertThat(BROKEN.left()).isZero();
        assertSameRecords(store("broken", 4).records(), stored); // those the failed transaction consumed are back

        RingStore grown = store("broken", 32);
        assertThat(grown.fitToCapacity("mt.broken", ORIGIN)).isEqualTo(OptionalInt.of(4));
        assertThat(grown.load("mt.broken", 32).pointers()).isEqualTo(before.pointers());
    }

    @Test
    void aStoreOfTheSameSizeIsNotTouched() throws Exception {
        originWithWindow(store("same", 8), 20, 2);
        RingStore.Records stored = store("same", 8).records();

        assertThat(store("same", 8).fitToCapacity("mt.same", ORIGIN)).isEmpty();
        assertSameRecords(store("same", 8).records(), stored);
    }

    /**
     * An origin ring that took {@code messages}, the last {@code open} of them not yet processed: the oldest of
     * those confirmed, the next sent, the rest only retrieved. Every transition saved.
     */
    private static Ring originWithWindow(RingStore store, long messages, int open) throws RingFullException {
        Ring ring = new Ring("mt." + carrierOf(store), store.capacity());
        for (long sequence = 1; sequence <= messages; sequence++) {
            store.save(ring.retrieve(payload(sequence), NOW));
            long firstOpen = messages - open + 1;
            if (sequence <= firstOpen + 1) {
                store.save(ring.markSent(sequence));
            }
            if (sequence <= firstOpen) {
                store.save(ring.confirm(sequence).orElseThrow());
            }
            if (sequence < firstOpen) {
                store.save(ring.process(sequence).orElseThrow());
            }
        }
        return ring;
    }

    private static void assertSameMessagesFrom(Ring after, Ring before, long firstOpen) {
        for (long sequence = firstOpen; sequence <= before.pointers().lastRetrieved(); sequence++) {
            Slot was = before.slot(sequence).orElseThrow();
            Slot is = after.slot(sequence).orElseThrow();
            assertThat(is.payload()).isEqualTo(was.payload());
            assertThat(is.flags()).isEqualTo(was.flags());
            assertThat(is.retrievedAt()).isEqualTo(was.retrievedAt());
            assertThat(is.address()).isEqualTo((int) (sequence % after.capacity()));
        }
        assertThat(after.slots().stream().filter(Objects::nonNull).filter(slot -> slot.sequence() < firstOpen))
                .as("nothing already processed is kept").isEmpty();
    }

    /** The same records, in whatever order the shards give them back. */
    private static void assertSameRecords(RingStore.Records actual, RingStore.Records expected) {
        assertThat(actual.floor()).isEqualTo(expected.floor());
        assertThat(actual.floorCapacity()).isEqualTo(expected.floorCapacity());
        assertThat(actual.peerCapacity()).isEqualTo(expected.peerCapacity());
        assertThat(actual.slots()).containsExactlyInAnyOrderElementsOf(expected.slots());
    }

    /** Each slot of {@code ring} and its floor stored as a version before ADR 0039 did: no capacity on the records. */
    private static void writeWithoutCapacity(RingStore store, Ring ring) throws JMSException {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            if (ring.floor() > 0) {
                Message floor = session.createMessage();
                floor.setStringProperty(RingStore.KEY, RingStore.FLOOR_KEY);
                floor.setLongProperty("ring_floor", ring.floor());
                producer.send(session.createQueue(RingStore.shardsOf(store.store()).get(0)), floor);
            }
            for (Slot slot : ring.slots()) {
                if (slot == null) {
                    continue;
                }
                TextMessage record = store.recordOf(session, slot);
                TextMessage legacy = session.createTextMessage(record.getText());
                for (Object name : Collections.list(record.getPropertyNames())) {
                    if (!"ring_capacity".equals(name)) {
                        legacy.setObjectProperty((String) name, record.getObjectProperty((String) name));
                    }
                }
                producer.send(session.createQueue(RingStore.shardOf(store.store(), slot.address())), legacy);
            }
        }
        assertThat(store.records().slots()).allMatch(record -> record.capacity() == null);
    }

    private static String carrierOf(RingStore store) {
        return store.store().substring(store.store().lastIndexOf('.') + 1);
    }

    private static Payload payload(long sequence) {
        return new Payload("m" + sequence, "alice", "+447700900001", null, "text " + sequence);
    }

    private static RingStore store(String carrier, int capacity) {
        return store(Direction.MT, carrier, capacity);
    }

    private static RingStore store(Direction direction, String carrier, int capacity) {
        JmsTemplate jms = new JmsTemplate(broker.connectionFactory());
        jms.setSessionTransacted(true);
        return new RingStore(jms, RingStore.storeOf(direction, carrier), capacity);
    }
}
