package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.sluice.broker.SiteBroker;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Ring;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.PersistentBrokerConfiguration;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * A journal from an earlier version keeps each ring store in another layout: one last-value queue (before
 * ADR 0032) or 16 shards (before ADR 0035), whose queues have the names of the first 16 shards of now but
 * hold the records of others too. At the site's start every record moves into the shard it would have been
 * saved to, an old single queue goes, and both rings load as they were: the floor included, and with no key
 * left in two places (a later save of it would go to its shard and leave the old record beside it).
 */
class RingStoreLayoutTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:30:00Z");
    private static final String CARRIER = "old";
    private static final int CAPACITY = 255;
    private static final int SHARDS_BEFORE_ADR_0035 = 16;
    private static final String MT_STORE = RingStore.storeOf(Direction.MT, CARRIER);
    private static final String MO_STORE = RingStore.storeOf(Direction.MO, CARRIER);

    @TempDir
    Path dataDir;

    /**
     * @param shardsAlreadyMoved shards whose records are already in place, as when a site was killed half way
     *                           through the move at its last start (Artemis moves record by record)
     */
    @ParameterizedTest(name = "{0} shards already moved")
    @ValueSource(ints = {0, 7})
    void aStoreKeptInOneQueueMovesIntoItsShardsWholeAndLoadsAsItWas(int shardsAlreadyMoved) throws Exception {
        movesBackAfterTheStart(queuesBefore(), (broker, store) -> intoOneQueue(broker, store, shardsAlreadyMoved));
    }

    /**
     * @param shardsAlreadyMoved shards beyond the first 16 whose records are already in place (a start killed
     *                           half way)
     */
    @ParameterizedTest(name = "{0} shards already moved")
    @ValueSource(ints = {0, 20})
    void aStoreInTheSixteenShardsOfBeforeMovesIntoItsShardsAndLoadsAsItWas(int shardsAlreadyMoved) throws Exception {
        movesBackAfterTheStart(SiteLink.ringQueues(List.of(CARRIER)),
                (broker, store) -> intoSixteenShards(broker, store, shardsAlreadyMoved));
    }

    /** Moves a store's records into the layout of an earlier version; returns how many it moved. */
    private interface EarlierLayout {
        int restore(ActiveMQServer broker, String store) throws Exception;
    }

    /** Both rings written by this version, put back into an earlier layout, then the site's start. */
    private void movesBackAfterTheStart(List<QueueConfiguration> queuesBefore, EarlierLayout layout) throws Exception {
        Ring mt = new Ring("mt." + CARRIER, CAPACITY);
        Ring mo = new Ring("mo." + CARRIER, CAPACITY);
        Map<String, Set<String>> keysByShard;
        try (SiteBroker before = new SiteBroker(PersistentBrokerConfiguration.in(dataDir), null, queuesBefore).start()) {
            writeBothRings(mt, mo);
            keysByShard = keysByShard(before.server());
            int moved = layout.restore(before.server(), MT_STORE) + layout.restore(before.server(), MO_STORE);
            assertThat(moved).as("records back in the layout of before").isPositive();
        }
        assertEveryRecordInItsShardAfterTheStart(mt, mo, keysByShard);
    }

    private void assertEveryRecordInItsShardAfterTheStart(Ring mt, Ring mo, Map<String, Set<String>> keysByShard)
            throws Exception {
        try (SiteBroker after = SiteLink.startWithShardedRings(
                new SiteBroker(PersistentBrokerConfiguration.in(dataDir), null, SiteLink.ringQueues(List.of(CARRIER))),
                List.of(CARRIER))) {
            for (String store : List.of(MT_STORE, MO_STORE)) {
                assertThat(after.server().locateQueue(store)).as("the old queue of %s", store).isNull();
                assertThat(after.server().getAddressInfo(SimpleString.of(store))).as("the old address of %s", store).isNull();
            }
            assertThat(keysByShard(after.server())).as("every record in the shard its key is saved to").isEqualTo(keysByShard);
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
                JmsTemplate jms = new JmsTemplate(factory);
                Ring mtLoaded = new RingStore(jms, MT_STORE, CAPACITY).load(mt.name(), CAPACITY);
                Ring moLoaded = new RingStore(jms, MO_STORE, CAPACITY).load(mo.name(), CAPACITY);
                assertThat(mtLoaded.pointers()).isEqualTo(mt.pointers());
                assertThat(mtLoaded.slots()).isEqualTo(mt.slots());
                assertThat(moLoaded.floor()).isEqualTo(mo.floor());
                assertThat(moLoaded.pointers()).isEqualTo(mo.pointers());
                assertThat(moLoaded.slots()).isEqualTo(mo.slots());
            }
        }
    }

    /** The old queues beside the shards, so that this version's store can fill the shards first. */
    private static List<QueueConfiguration> queuesBefore() {
        List<QueueConfiguration> queues = new ArrayList<>(SiteLink.ringQueues(List.of(CARRIER)));
        queues.add(SiteBroker.lastValueQueue(MT_STORE, RingStore.KEY));
        queues.add(SiteBroker.lastValueQueue(MO_STORE, RingStore.KEY));
        return queues;
    }

    /** An origin that wrapped its ring three times, and a mirror rebuilt from a floor. */
    private static void writeBothRings(Ring mt, Ring mo) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            SingleConnectionFactory oneConnection = new SingleConnectionFactory(factory);
            RingStore mtStore = new RingStore(new JmsTemplate(oneConnection), MT_STORE, CAPACITY);
            for (long i = 1; i <= 3 * CAPACITY + 40; i++) {
                mtStore.save(mt.markSent(mt.retrieve(payload("mt" + i), NOW).sequence()));
                if (i > CAPACITY / 2) { // the peer confirms and processes half a ring behind
                    long done = i - CAPACITY / 2;
                    mtStore.save(mt.confirm(done).orElseThrow());
                    mtStore.save(mt.process(done).orElseThrow());
                }
            }
            RingStore moStore = new RingStore(new JmsTemplate(oneConnection), MO_STORE, CAPACITY);
            mo.adoptFloor(500);
            moStore.saveFloor(mo.floor());
            for (long sequence = 501; sequence <= 700; sequence++) {
                mo.accept(sequence, payload("mo" + sequence), NOW);
                moStore.save(mo.slot(sequence).orElseThrow());
            }
            oneConnection.destroy();
        }
    }

    private static Payload payload(String id) {
        return new Payload(id, "alice", "+447700900001", null, "text of " + id);
    }

    /** Moves the records of all shards but the first {@code leftInShards} into the store's old queue. */
    private static int intoOneQueue(ActiveMQServer broker, String store, int leftInShards) throws Exception {
        Binding old = broker.getPostOffice().getBinding(SimpleString.of(store));
        int moved = 0;
        List<String> shards = RingStore.shardsOf(store);
        for (String shard : shards.subList(leftInShards, shards.size())) {
            moved += broker.locateQueue(shard).moveReferences(null, old.getAddress(), old);
        }
        return moved;
    }

    /**
     * Moves the records of shards 16 to 63 but the first {@code leftInPlace} of them into the shard of
     * before ADR 0035: slot address mod 16. Shard 0 to 15 keep theirs, which were there then too.
     */
    private static int intoSixteenShards(ActiveMQServer broker, String store, int leftInPlace) throws Exception {
        List<String> shards = RingStore.shardsOf(store);
        int moved = 0;
        for (int shard = SHARDS_BEFORE_ADR_0035 + leftInPlace; shard < shards.size(); shard++) {
            Binding before = broker.getPostOffice().getBinding(SimpleString.of(shards.get(shard % SHARDS_BEFORE_ADR_0035)));
            moved += broker.locateQueue(shards.get(shard)).moveReferences(null, before.getAddress(), before);
        }
        return moved;
    }

    /** The last-value key of every record, by the queue that holds it, for the shards of both stores. */
    private static Map<String, Set<String>> keysByShard(ActiveMQServer broker) throws Exception {
        Map<String, Set<String>> keys = new TreeMap<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            for (String store : List.of(MT_STORE, MO_STORE)) {
                for (String shard : RingStore.shardsOf(store)) {
                    Set<String> inShard = new TreeSet<>();
                    Enumeration<?> records = session.createBrowser(session.createQueue(shard)).getEnumeration();
                    while (records.hasMoreElements()) {
                        inShard.add(((Message) records.nextElement()).getStringProperty(RingStore.KEY));
                    }
                    keys.put(shard, inShard);
                }
            }
        }
        return keys;
    }
}
