package io.sluice.edge;

import java.util.List;

import io.sluice.broker.JmsProperties;
import io.sluice.core.Destinations;
import io.sluice.link.EdgeLinkEnd;
import io.sluice.link.RingHandle;
import io.sluice.ring.Slot;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC route's feed ({@code sluice.mt.<carrier>}) rebuilt from the MT ring when the edge starts,
 * before any route runs (ADR 0021). The route acknowledges a feed message when it has the SMSC's
 * answer, but the answer is committed later, by {@link MtOutcomes}; after a crash the ring, not the
 * feed, says which messages still wait for the SMSC: every slot handed on and not processed.
 */
public final class MtFeed {

    private static final Logger LOG = LoggerFactory.getLogger(MtFeed.class);

    private MtFeed() {
    }

    /** @return how many messages the feed holds now */
    public static int rebuild(ActiveMQServer broker, ConnectionFactory connectionFactory, RingHandle mt,
                              EdgeLinkEnd link) throws Exception {
        String queue = Destinations.mtQueueOf(mt.carrier());
        Queue feed = broker.locateQueue(SimpleString.of(queue));
        if (feed == null) {
            throw new IllegalStateException("The edge's broker has no queue " + queue);
        }
        int dropped = feed.deleteAllReferences();
        List<Slot> waiting = mt.ring().undelivered();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (Slot slot : waiting) {
                producer.send(feedMessage(session, slot, link));
            }
            session.commit();
        }
        LOG.info("{}: SMSC feed rebuilt from the ring: {} waiting (sequences {}), {} old feed messages dropped",
                mt.name(), waiting.size(), waiting.isEmpty() ? "none"
                        : waiting.get(0).sequence() + ".." + waiting.get(waiting.size() - 1).sequence(), dropped);
        return waiting.size();
    }

    private static TextMessage feedMessage(Session session, Slot slot, EdgeLinkEnd link) throws JMSException {
        TextMessage message = session.createTextMessage(slot.payload().text());
        JmsProperties.copy(link.feedHeaders(slot), message);
        return message;
    }
}
