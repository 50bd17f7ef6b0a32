package io.sluice.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.sluice.testsupport.PersistentBrokerConfiguration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * The ring's store survives a broker restart as it was: after thousands of transitions, each slot
 * address holds its newest record again once the journal is loaded back (a site restarts from it).
 */
class RingStoreRestartTest {

    private static final Instant NOW = Instant.parse("2026-11-27T07:00:00Z");
    private static final int CAPACITY = 32;
    private static final String STORE = RingStore.storeOf(Direction.MT, "restart");

    @TempDir
    Path dataDir;

    @Test
    void afterARestartEverySlotHoldsItsNewestRecord() throws Exception {
        Ring ring = new Ring("mt.restart", CAPACITY);
        EmbeddedActiveMQ broker = start(dataDir);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            SingleConnectionFactory oneConnection = new SingleConnectionFactory(factory);
            RingStore store = new RingStore(new JmsTemplate(oneConnection), STORE, CAPACITY);
            for (long i = 1; i <= 200; i++) { // wraps the ring six times
                store.save(ring.markSent(ring.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "t" + i), NOW)
                        .sequence()));
                if (i > CAPACITY / 2) { // the peer confirms and processes half a ring behind
                    long done = i - CAPACITY / 2;
                    store.save(ring.confirm(done).orElseThrow());
                    store.save(ring.process(done).orElseThrow());
                }
            }
            oneConnection.destroy();
        }
        broker.stop();

        broker = start(dataDir);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            Ring loaded = new RingStore(new JmsTemplate(factory), STORE, CAPACITY).load("mt.restart", CAPACITY);
            assertThat(loaded.pointers()).isEqualTo(ring.pointers());
            assertThat(loaded.slots()).isEqualTo(ring.slots());
        } finally {
            broker.stop();
        }
    }

    private static EmbeddedActiveMQ start(Path dataDir) throws Exception {
        ConfigurationImpl configuration = PersistentBrokerConfiguration.in(dataDir);
        for (String shard : RingStore.shardsOf(STORE)) {
            configuration.addQueueConfiguration(QueueConfiguration.of(shard).setRoutingType(RoutingType.ANYCAST)
                    .setLastValueKey(RingStore.KEY));
        }
        Files.createDirectories(dataDir);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration).start();
        return broker;
    }
}
