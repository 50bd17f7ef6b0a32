package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.LinkHeaders;
import io.sluice.link.LinkMonitor;
import io.sluice.link.Resync;
import io.sluice.link.RingHandle;
import io.sluice.link.RingRegistry;
import io.sluice.link.SiteLink;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The SMSC route's feed rebuilt from the MT ring at start (ADR 0021): after a crash the feed may have
 * lost messages whose outcome never reached the disk, or hold some twice; the ring decides.
 */
class MtFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final String FEED = "sluice.mt.alpha";

    @Test
    void theFeedHoldsExactlyTheRingsUnprocessedMessagesInSequenceOrder() throws Exception {
        try (InVmBroker broker = new InVmBroker().withRingStore(Direction.MT, "alpha")
                .start(FEED);
             ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory("vm://0")) {
            RingRegistry rings = SiteLink.rings(connectionFactory, Map.of("alpha", 8));
            RingHandle mt = rings.get(Direction.MT, "alpha");
            for (long sequence = 1; sequence <= 4; sequence++) {
                mt.accept(sequence, new Payload("m" + sequence, "alice", "+44770090000" + sequence, null,
                        "text " + sequence, NOW.plus(Duration.ofHours(24))), NOW);
            }
            mt.accept(6, new Payload("m6", "alice", "+447700900006", null, "beyond a gap"), NOW);
            mt.process(1); // answered and committed before the crash
            // what the crash left in the feed: 2 acknowledged (its outcome lost), 3 twice, 1 already done
            broker.sendTyped(FEED, Map.of(LinkHeaders.SEQUENCE, 1L), "text 1");
            broker.sendTyped(FEED, Map.of(LinkHeaders.SEQUENCE, 3L), "text 3");
            broker.sendTyped(FEED, Map.of(LinkHeaders.SEQUENCE, 3L), "text 3");
            EdgeLinkEnd link = new EdgeLinkEnd("alpha", "7777", rings, new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC()),
                    new Resync(Duration.ofSeconds(10), Clock.systemUTC()), new ReceiptCorrelator(10), Clock.systemUTC());

            int waiting = MtFeed.rebuild(broker.server(), connectionFactory, rings.get(Direction.MT, "alpha"), link);

            assertThat(waiting).isEqualTo(3);
            List<Message> feed = drain(broker);
            assertThat(feed).extracting(message -> message.getLongProperty(LinkHeaders.SEQUENCE)).as("6 waits for 5")
                    .containsExactly(2L, 3L, 4L);
            Message second = feed.get(0);
            assertThat(((TextMessage) second).getText()).isEqualTo("text 2");
            assertThat(second.getStringProperty("to")).isEqualTo("+447700900002");
            assertThat(second.getStringProperty("sluice_id")).isEqualTo("m2");
            assertThat(second.getStringProperty("source_address")).isEqualTo("7777");
            assertThat(second.getStringProperty("carrier")).isEqualTo("alpha");
            assertThat(second.getLongProperty("valid_until")).isEqualTo(NOW.plus(Duration.ofHours(24)).toEpochMilli());
        }
    }

    private static List<Message> drain(InVmBroker broker) throws Exception {
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = broker.receive(FEED, Duration.ofMillis(500))) != null) {
            messages.add(message);
        }
        return messages;
    }
}
