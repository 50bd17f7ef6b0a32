package io.sluice.link;

import java.util.ArrayList;
import java.util.List;

import io.sluice.ring.RingStore;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ring store laid out as an earlier version kept it, found in a site's journal at start: its records
 * move into the shards this version saves them to, before the ring is loaded. Two layouts came before:
 * one last-value queue per store (before ADR 0032), and 16 shards by slot address (before ADR 0035),
 * whose queues have the names of this version's first 16 shards but hold the records of others too.
 * <p>
 * Artemis moves each record in a transaction of its own (remove from one queue, add to the other). That
 * is enough: a store holds one record per key, a key's shard is fixed, and nothing else writes the store
 * before the site's routes start. A site killed half way through has some records in place and the rest
 * where they were; the next start moves the rest. The one queue of before goes only once empty.
 */
final class RingStoreLayout {

    private static final Logger LOG = LoggerFactory.getLogger(RingStoreLayout.class);

    private RingStoreLayout() {
    }

    static void moveIntoShards(ActiveMQServer broker, String store) throws Exception {
        List<Binding> shards = shardBindings(broker, store);
        Queue unsharded = broker.locateQueue(store);
        if (unsharded != null) {
            long records = unsharded.getMessageCount();
            moveEachIntoItsShard(unsharded, shards);
            requireNoneLeft(unsharded, unsharded.getMessageCount(), records, "the queue is left as it is");
            broker.destroyQueue(SimpleString.of(store), null, false, false, false, true);
            if (broker.getAddressInfo(SimpleString.of(store)) != null) {
                broker.removeAddressInfo(SimpleString.of(store), null);
            }
            LOG.info("Ring store {}: {} records moved from its one queue of before ADR 0032 into {} shards",
                    store, records, shards.size());
        }
        long moved = 0;
        List<Integer> sources = new ArrayList<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            Queue queue = broker.locateQueue(shards.get(shard).getUniqueName());
            Filter own = FilterImpl.createFilter(RingStore.recordsOfShard(shard));
            long misplaced = countNotMatching(queue, own);
            if (misplaced > 0) {
                moveEachIntoItsShard(queue, shards);
                requireNoneLeft(queue, countNotMatching(queue, own), misplaced, "they are left where they are");
                moved += misplaced;
                sources.add(shard);
            }
        }
        if (moved > 0) {
            LOG.info("Ring store {}: {} records moved from shards {} into the shards of their slots (ADR 0035)",
                    store, moved, sources);
        }
    }

    private static List<Binding> shardBindings(ActiveMQServer broker, String store) {
        List<Binding> bindings = new ArrayList<>();
        for (String shard : RingStore.shardsOf(store)) {
            Binding binding = broker.getPostOffice().getBinding(SimpleString.of(shard));
            if (binding == null) {
                throw new IllegalStateException("Ring store " + store + ": its shard " + shard + " does not exist");
            }
            bindings.add(binding);
        }
        return bindings;
    }

    /** Every record of {@code from} that belongs in another shard goes there (a queue's own records stay). */
    private static void moveEachIntoItsShard(Queue from, List<Binding> shards) throws Exception {
        for (int shard = 0; shard < shards.size(); shard++) {
            Binding to = shards.get(shard);
            if (!to.getUniqueName().equals(from.getName())) {
                from.moveReferences(Integer.MAX_VALUE, FilterImpl.createFilter(RingStore.recordsOfShard(shard)),
                        to.getAddress(), false, to);
            }
        }
    }

    /** A record of no shard would be one this version cannot read: keep it, and say so loudly. */
    private static void requireNoneLeft(Queue queue, long left, long records, String consequence) {
        if (left > 0) {
            throw new IllegalStateException("Ring store queue " + queue.getName() + ": " + left + " of " + records
                    + " records to move belong to no shard (neither a slot's nor the floor); " + consequence);
        }
    }

    private static long countNotMatching(Queue queue, Filter filter) {
        long count = 0;
        try (LinkedListIterator<MessageReference> references = queue.browserIterator()) {
            while (references.hasNext()) {
                if (!filter.match(references.next().getMessage())) {
                    count++;
                }
            }
        }
        return count;
    }
}
