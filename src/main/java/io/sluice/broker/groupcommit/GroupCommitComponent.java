package io.sluice.broker.groupcommit;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Camel component {@code groupcommit:<queue>}: a transacted JMS consumer that commits a batch of
 * messages at a time instead of one (ADR 0025). For the serial routes of the rings, which take one
 * message at a time on one consumer so that the ring is filled in order: with one commit per message,
 * such a route can go no faster than one message per disk sync and broker round trip, whatever the
 * SMSC can take.
 *
 * <p>Found by Camel from {@code META-INF/services}; it consumes through the connection factory of
 * the site's {@code jms} component, so the route's {@code jms:} sends and the ring stores (which write
 * through that factory) join the batch's transaction.
 */
public final class GroupCommitComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("groupcommit: needs a queue name, as in groupcommit:sluice.outbox");
        }
        GroupCommitEndpoint endpoint = new GroupCommitEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
