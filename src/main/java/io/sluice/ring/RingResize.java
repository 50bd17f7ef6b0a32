package io.sluice.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.support.JmsUtils;

/**
 * A ring store written at another capacity than its ring now has: the operator changed the ring's size
 * (ADR 0039). A slot's address is its sequence modulo the capacity, so every record would be in the wrong
 * slot. Before the ring is loaded, its messages not yet processed move to the slots the new capacity gives
 * them, the floor rises to the old ring's Last Processed, and every other record goes, all in one broker
 * transaction: a site killed half way finds the store as it was and does it again.
 * <p>
 * Sequences, flags and pointers are unchanged, so the peer, resized or not, sees the same ring positions.
 */
final class RingResize {

    private static final Logger LOG = LoggerFactory.getLogger(RingResize.class);
    /** How long one record of the store may take to arrive at the consumer that empties it. */
    private static final long RECEIVE_TIMEOUT_MS = 10_000;
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
    static OptionalInt fit(RingStore store, String name) {
        RingStore.Records records = store.records();
        OptionalInt writtenAt = writtenAt(store, records);
        if (writtenAt.isEmpty()) {
            return writtenAt;
        }
        int before = writtenAt.getAsInt();
        Ring old = Ring.restore(name, before, records.floor(), records.slots().stream().map(RingStore.StoredSlot::slot).toList());
        Pointers pointers = old.pointers();
        long floor = Math.max(records.floor(), pointers.lastProcessed());
        long window = pointers.lastRetrieved() - floor;
        if (window > store.capacity()) {
            throw new IllegalStateException("Ring " + name + " was stored with " + before + " slots and holds " + window
                    + " messages not yet processed (sequences " + (floor + 1) + " to " + pointers.lastRetrieved()
                    + "), more than the " + store.capacity() + " slots now configured; start it with at least "
                    + window + " slots and shrink it once it has drained (ADR 0039)");
        }
        List<Slot> kept = new ArrayList<>();
        for (Slot slot : old.slots()) {
            if (slot != null && slot.sequence() > floor) {
                kept.add(new Slot(slot.sequence(), Math.floorMod(slot.sequence(), store.capacity()), slot.payload(),
                        slot.retrievedAt(), slot.flags()));
            }
        }
        replaceAll(store, records.perShard(), kept, floor);
        LOG.info("Ring {}: its store was written with {} slots, now {}: {} messages not yet done moved to their new"
                        + " slots, floor {} (pointers {})", name, before, store.capacity(), kept.size(), floor, pointers);
        return writtenAt;
    }

    /**
     * The capacity the records were written at, if not the store's. Records from before ADR 0039 do not say;
     * if they do not fit the store's capacity, it is the smallest capacity that puts every one of them in the
     * slot it was stored in (a ring that went round once has a record in every slot, so that is its size).
     */
    static OptionalInt writtenAt(RingStore store, RingStore.Records records) {
        Set<Integer> stated = new TreeSet<>();
        records.slots().stream().map(RingStore.StoredSlot::capacity).filter(Objects::nonNull).forEach(stated::add);
        if (records.floorCapacity() != null) {
            stated.add(records.floorCapacity());
        }
        if (stated.size() > 1) {
            throw new IllegalStateException("Ring store " + store.store() + " holds records written with " + stated
                    + " slots; a resize commits in one transaction, so this store was changed by hand");
        }
        List<Slot> unstated = records.slots().stream().filter(record -> record.capacity() == null)
                .map(RingStore.StoredSlot::slot).toList();
        int capacity;
        if (!stated.isEmpty()) {
            capacity = stated.iterator().next();
        } else if (records.slots().stream().allMatch(record -> record.key().equals(store.keyOf(record.slot()))
                && fits(record.slot(), store.capacity()))) {
            return OptionalInt.empty();
        } else {
            capacity = smallestFitting(store, unstated);
        }
        for (Slot slot : unstated) {
            if (!fits(slot, capacity)) {
                throw new IllegalStateException("Ring store " + store.store() + ": sequence " + slot.sequence()
                        + " is stored in slot " + slot.address() + ", which no ring of " + capacity + " slots has it in");
            }
        }
        return capacity == store.capacity() ? OptionalInt.empty() : OptionalInt.of(capacity);
    }

    private static int smallestFitting(RingStore store, List<Slot> slots) {
        int highestAddress = slots.stream().mapToInt(Slot::address).max().orElse(0);
        for (int capacity = highestAddress + 1; capacity <= MAX_CAPACITY; capacity++) {
            int candidate = capacity;
            if (slots.stream().allMatch(slot -> fits(slot, candidate))) {
                return capacity;
            }
        }
        throw new IllegalStateException("Ring store " + store.store() + ": no ring of up to " + MAX_CAPACITY
                + " slots has its records in the slots they are stored in");
    }

    private static boolean fits(Slot slot, int capacity) {
        return slot.address() == Math.floorMod(slot.sequence(), capacity);
    }

    /** Empties every shard and writes the kept slots and the floor, in one transaction. */
    private static void replaceAll(RingStore store, List<Integer> perShard, List<Slot> kept, long floor) {
        List<String> shards = RingStore.shardsOf(store.store());
        try (Connection connection = store.jms().getConnectionFactory().createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            connection.start();
            for (int shard = 0; shard < shards.size(); shard++) {
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(shards.get(shard)))) {
                    for (int record = 0; record < perShard.get(shard); record++) {
                        if (consumer.receive(RECEIVE_TIMEOUT_MS) == null) {
                            session.rollback();
                            throw new IllegalStateException("Ring store " + store.store() + ": shard " + shards.get(shard)
                                    + " gave " + record + " of its " + perShard.get(shard) + " records within "
                                    + RECEIVE_TIMEOUT_MS + " ms; nothing was changed");
                        }
                    }
                }
            }
            try (MessageProducer producer = session.createProducer(null)) {
                for (Slot slot : kept) {
                    producer.send(session.createQueue(RingStore.shardOf(store.store(), slot.address())),
                            store.recordOf(session, slot));
                }
                producer.send(session.createQueue(shards.get(0)), store.floorOf(session, floor));
            }
            session.commit();
        } catch (JMSException failed) {
            throw JmsUtils.convertJmsAccessException(failed);
        }
    }
}
