package io.sluice.link;

import java.util.List;

import io.sluice.ring.RingStore;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ring store kept in one last-value queue, as every store was before ADR 0032, found in a site's
 * journal at start: its records move into the store's shards before the ring is loaded from them.
 * <p>
 * Artemis moves each record in a transaction of its own (remove from the old queue, add to the shard).
 * That is enough: a store holds one record per key, a key's shard is fixed, and nothing else writes the
 * store before the sites' routes start. A site killed half way through has some records in the shards
 * and the rest in the old queue; the next start moves the rest. The old queue goes only once empty.
 */
final class UnshardedRingStore {

    private static final Logger LOG = LoggerFactory.getLogger(UnshardedRingStore.class);

    private UnshardedRingStore() {
    }

    static void moveIntoShards(ActiveMQServer broker, String store) throws Exception {
        Queue old = broker.locateQueue(store);
        if (old == null) {
            return;
        }
        long records = old.getMessageCount();
        List<String> shards = RingStore.shardsOf(store);
        for (int shard = 0; shard < shards.size(); shard++) {
            Binding binding = broker.getPostOffice().getBinding(SimpleString.of(shards.get(shard)));
            if (binding == null) {
                throw new IllegalStateException("Ring store " + store + " is kept in one queue from before ADR 0032, "
                        + "but its shard " + shards.get(shard) + " does not exist; nothing was moved from here on");
            }
            old.moveReferences(Integer.MAX_VALUE, FilterImpl.createFilter(RingStore.recordsOfShard(shard)),
                    binding.getAddress(), false, binding);
        }
        long left = old.getMessageCount();
        if (left > 0) {
            // a record of no shard would be a record this version cannot read: keep it, and say so loudly
            throw new IllegalStateException("Ring store " + store + ": " + left + " of " + records + " records in the "
                    + "queue from before ADR 0032 belong to no shard (neither a slot's nor the floor); the "
                    + "queue is left as it is");
        }
        broker.destroyQueue(SimpleString.of(store), null, false, false, false, true);
        if (broker.getAddressInfo(SimpleString.of(store)) != null) {
            broker.removeAddressInfo(SimpleString.of(store), null);
        }
        LOG.info("Ring store {}: {} records moved from its one queue of before ADR 0032 into {} shards",
                store, records, shards.size());
    }
}
