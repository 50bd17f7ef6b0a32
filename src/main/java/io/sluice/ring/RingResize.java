package io.sluice.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.support.JmsUtils;

/**
 * A ring store written at another capacity than its ring now has: the operator changed the ring's size
 * (ADR 0039). A slot's address is its sequence modulo the capacity, so every record would be in the wrong
 * slot. Before the ring is loaded, its messages above Last Processed move to the slots the new capacity gives
 * them, the floor rises to the old ring's Last Processed, and every other record goes, all in one broker
 * transaction: a site killed half way finds the store as it was and does it again.
 * <p>
 * Sequences, flags and pointers are unchanged, so the peer sees the same ring positions.
 */
final class RingResize {

    private static final Logger LOG = LoggerFactory.getLogger(RingResize.class);
    /** Rounds of emptying a shard before a re-home gives up (each ends with a browse of what is left). */
    private static final int MAX_ROUNDS = 20;
    /** The largest capacity a ring may have (the configuration's limit), where the search for a legacy store's ends. */
    private static final int MAX_CAPACITY = 65_535;

    private RingResize() {
    }

    /**
     * Re-homes the store if it was written at another capacity.
     *
     * @return the capacity it had been written at, or empty if it already fitted
     * @throws IllegalStateException if the ring holds more messages not yet processed than the new capacity
     *                               has slots, or the capacity it was written at cannot be told
     */
    static OptionalInt fit(RingStore store, String name, boolean mirror) {
        RingStore.Records browsed = store.records();
        OptionalInt needed = writtenAt(store, name, browsed);
        if (needed.isEmpty()) {
            return needed;
        }
        rehome(store, name, browsed, needed.getAsInt(), mirror); // refuses before anything is consumed
        List<String> shards = RingStore.shardsOf(store.store());
        try (Connection connection = store.jms().getConnectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            // what is consumed, not what an earlier browse counted: a browse also shows records Artemis has
            // replaced but not yet pruned (after a kill -9), which no consumer is given
            List<Message> consumed = new ArrayList<>();
            for (String shard : shards) {
                consumeAll(session, shard, consumed);
            }
            RingStore.Records records = RingStore.recordsOf(consumed);
            OptionalInt writtenAt = writtenAt(store, name, records);
            if (writtenAt.isEmpty()) {
                session.rollback();
                return writtenAt;
            }
            Rehomed rehomed = rehome(store, name, records, writtenAt.getAsInt(), mirror);
            try (MessageProducer producer = session.createProducer(null)) {
                for (Slot slot : rehomed.kept()) {
                    producer.send(session.createQueue(RingStore.shardOf(store.store(), slot.address())),
                            store.recordOf(session, slot));
                }
                producer.send(session.createQueue(shards.get(0)), store.floorOf(session, rehomed.floor()));
                if (records.peerCapacity() != null) {
                    producer.send(session.createQueue(shards.get(0)), store.peerOf(session, records.peerCapacity()));
                }
            }
            session.commit();
            boolean measured = records.slots().stream().anyMatch(record -> record.capacity() == null)
                    || records.floor() > 0 && records.floorCapacity() == null;
            LOG.info("Ring {}: its store was {} {} slots, now {}: {} messages from Last Processed on written to their"
                            + " slots, each record saying its ring's size; floor {} (pointers {})", name,
                    measured ? "written before ring sizes were recorded (ADR 0039); its records fit" : "written with",
                    writtenAt.getAsInt(), store.capacity(), rehomed.kept().size(), rehomed.floor(), rehomed.pointers());
            return writtenAt;
        } catch (JMSException failed) {
            throw JmsUtils.convertJmsAccessException(failed); // closing the connection gives the records back
        }
    }

    /**
     * What {@link #fit} would do, without doing it: for a passive standby, whose stores the primary's mirror
     * writes until the takeover fits them.
     *
     * @return what the takeover will do, or why it will fail; empty if the store fits
     */
    static Optional<String> dryRun(RingStore store, String name, boolean mirror) {
        try {
            RingStore.Records records = store.records();
            OptionalInt needed = writtenAt(store, name, records);
            if (needed.isEmpty()) {
                return Optional.empty();
            }
            Rehomed rehomed = rehome(store, name, records, needed.getAsInt(), mirror);
            return Optional.of("its store was written with " + needed.getAsInt() + " slots, this core has "
                    + store.capacity() + ": the takeover will re-home " + rehomed.kept().size() + " messages");
        } catch (IllegalStateException | IllegalArgumentException unfit) {
            return Optional.of("the takeover will fail: " + unfit.getMessage());
        }
    }

    /**
     * Every record of the shard, into {@code consumed}, in the session's transaction. A consumer with a window
     * can be told "nothing" while records are still on their way to it (its credit and its question to the
     * broker travel apart), so the shard is browsed after each round: a browser sees what no consumer of this
     * transaction holds.
     */
    private static void consumeAll(Session session, String shard, List<Message> consumed) throws JMSException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(shard))) {
                for (Message record = consumer.receiveNoWait(); record != null; record = consumer.receiveNoWait()) {
                    consumed.add(record);
                }
            }
            if (!session.createBrowser(session.createQueue(shard)).getEnumeration().hasMoreElements()) {
                return;
            }
        }
        throw new IllegalStateException("Ring store shard " + shard + " still held records after " + MAX_ROUNDS
                + " rounds of emptying it; nothing was changed");
    }

    /** The ring's messages above its Last Processed at their slots in the store's capacity, and the new floor. */
    record Rehomed(List<Slot> kept, long floor, Pointers pointers) {
    }

    /**
     * @param mirror whether this end is the ring's mirror: its origin may have as many messages under way as the
     *               smaller of the two rings allowed before, which a smaller mirror could not hold safely
     */
    static Rehomed rehome(RingStore store, String name, RingStore.Records records, int before, boolean mirror) {
        if (mirror && store.capacity() < before) {
            int underWay = Math.min(before, records.peerCapacity() == null ? before : records.peerCapacity());
            if (store.capacity() < underWay) {
                throw new IllegalStateException("Ring " + name + " is this end's mirror, stored with " + before
                        + " slots; its origin may have up to " + underWay + " messages under way, more than the "
                        + store.capacity() + " slots now configured (a mirror takes a newer message in a slot as proof"
                        + " the older one was processed): shrink the other end first, start this one once more with "
                        + before + " slots so that it hears the new size, then shrink it (ADR 0039)");
            }
        }
        Ring old = restore(name, before, records);
        Pointers pointers = old.pointers();
        long floor = Math.max(records.floor(), pointers.lastProcessed());
        long window = pointers.lastRetrieved() - floor;
        if (window > store.capacity()) {
            throw new IllegalStateException("Ring " + name + " was stored with " + before + " slots and holds " + window
                    + " sequences from its Last Processed on (" + (floor + 1) + " to " + pointers.lastRetrieved()
                    + "), more than the " + store.capacity() + " slots now configured: start it with " + before
                    + " slots until those are processed, then change its size (ADR 0039)");
        }
        List<Slot> kept = new ArrayList<>();
        for (Slot slot : old.slots()) {
            if (slot != null && slot.sequence() > floor) {
                kept.add(new Slot(slot.sequence(), Math.floorMod(slot.sequence(), store.capacity()), slot.payload(),
                        slot.retrievedAt(), slot.flags()));
            }
        }
        return new Rehomed(kept, floor, pointers);
    }

    private static Ring restore(String name, int capacity, RingStore.Records records) {
        return Ring.restore(name, capacity, records.floor(), records.slots().stream().map(RingStore.StoredSlot::slot).toList());
    }

    /**
     * The capacity the records were written at, if they need moving: another capacity than the store's, or
     * keys of another capacity. Records from before ADR 0039 do not say: every capacity that puts each of them
     * in the slot it is stored in is a candidate, and they must all give the same ring (a ring that went round
     * has a record in every slot and leaves one candidate; a rebuilt mirror with a gap may leave several).
     */
    static OptionalInt writtenAt(RingStore store, String name, RingStore.Records records) {
        Set<Integer> stated = new TreeSet<>();
        records.slots().stream().map(RingStore.StoredSlot::capacity).filter(Objects::nonNull).forEach(stated::add);
        if (records.floorCapacity() != null) {
            stated.add(records.floorCapacity());
        }
        if (stated.size() > 1) {
            throw new IllegalStateException("Ring store " + store.store() + " holds records written with " + stated
                    + " slots; a resize commits in one transaction, so this store was changed by other means");
        }
        List<Slot> unstated = records.slots().stream().filter(record -> record.capacity() == null)
                .map(RingStore.StoredSlot::slot).toList();
        int capacity = stated.isEmpty() ? legacyCapacity(store, name, records, unstated) : stated.iterator().next();
        for (Slot slot : unstated) {
            if (!fits(slot, capacity)) {
                throw new IllegalStateException("Ring store " + store.store() + ": sequence " + slot.sequence()
                        + " is stored in slot " + slot.address() + ", which no ring of " + capacity + " slots has it in");
            }
        }
        boolean keysFit = records.slots().stream().allMatch(record -> record.key().equals(store.keyOf(record.slot())));
        // records that do not say their capacity are written again saying it, even at the same size, so that a
        // later resize need not measure them
        return capacity == store.capacity() && keysFit && unstated.isEmpty() && !legacyFloor(records)
                ? OptionalInt.empty() : OptionalInt.of(capacity);
    }

    private static boolean legacyFloor(RingStore.Records records) {
        return records.floor() > 0 && records.floorCapacity() == null;
    }

    /**
     * The capacity of a store from before ADR 0039. Candidates are the capacities above its highest used slot
     * that divide every record's {@code sequence - address}. The configured one is taken if it is a candidate
     * (the operator says so); otherwise every candidate must give the same ring, or the start is refused.
     */
    private static int legacyCapacity(RingStore store, String name, RingStore.Records records, List<Slot> slots) {
        int highestAddress = slots.stream().mapToInt(Slot::address).max().orElse(0);
        long laps = 0;
        for (Slot slot : slots) {
            laps = gcd(laps, slot.sequence() - slot.address());
        }
        List<Integer> candidates = new ArrayList<>();
        if (laps == 0) { // no record went round: every capacity above the highest slot gives the same ring
            return Math.max(store.capacity(), highestAddress + 1);
        }
        for (int capacity = highestAddress + 1; capacity <= MAX_CAPACITY && capacity <= laps; capacity++) {
            if (laps % capacity == 0) {
                candidates.add(capacity);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("Ring store " + store.store() + ": no ring of up to " + MAX_CAPACITY
                    + " slots has its records in the slots they are stored in");
        }
        if (candidates.contains(store.capacity())) {
            return store.capacity();
        }
        int preferred = candidates.get(0);
        Rehomed reference = rehomeAt(store, name, records, preferred);
        for (int candidate : candidates) {
            Rehomed other = rehomeAt(store, name, records, candidate);
            if (reference == null || other == null || other.floor() != reference.floor()
                    || !other.pointers().equals(reference.pointers())) {
                throw new IllegalStateException("Ring store " + store.store() + " was written before ADR 0039 and its"
                        + " records fit rings of " + candidates + " slots, which would hold different messages: start"
                        + " this version once with the size it had (it then records it), then change it");
            }
        }
        return preferred;
    }

    /** What a re-home from {@code capacity} would keep, or null if the records do not make a ring of that size. */
    private static Rehomed rehomeAt(RingStore store, String name, RingStore.Records records, int capacity) {
        try {
            Ring old = restore(name, capacity, records);
            return new Rehomed(List.of(), Math.max(records.floor(), old.pointers().lastProcessed()), old.pointers());
        } catch (IllegalArgumentException notThisSize) {
            return null;
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    private static boolean fits(Slot slot, int capacity) {
        return slot.address() == Math.floorMod(slot.sequence(), capacity);
    }
}
