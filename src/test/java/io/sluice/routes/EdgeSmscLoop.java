package io.sluice.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sluice.broker.InVmConnectionFactory;
import io.sluice.edge.MtOutcomes;
import io.sluice.link.RingRegistry;
import io.sluice.ring.Direction;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The beans the edge's SMSC route needs besides the routes' own factory, as EdgeSite wires them
 * (ADR 0021): the buffering factory its feed consumer uses and the bookkeeper of its outcomes. Both
 * stop with the test's Camel context, after its routes. A PER_CLASS test class stops its context in its
 * {@code @AfterAll} (CamelTestSupport does not) and closes the factories made for contexts of its own
 * ({@link #closeFeeds}), so that nothing consumes from the next class's broker.
 */
final class EdgeSmscLoop {

    private static final List<ActiveMQConnectionFactory> FEEDS = new CopyOnWriteArrayList<>();

    private EdgeSmscLoop() {
    }

    /** Binds {@code edgeFeedConnectionFactory} and {@code mtOutcomes}; returns the bookkeeper. */
    static MtOutcomes bind(CamelContext context, ActiveMQConnectionFactory routesFactory, RingRegistry rings,
                           String carrier, int maxUnsynced) throws Exception {
        ActiveMQConnectionFactory feed = new ActiveMQConnectionFactory(
                "vm://0?consumerWindowSize=" + InVmConnectionFactory.DEFAULT_WINDOW_BYTES);
        MtOutcomes outcomes = new MtOutcomes(routesFactory, rings.get(Direction.MT, carrier), maxUnsynced);
        FEEDS.add(feed);
        context.getRegistry().bind("edgeFeedConnectionFactory", feed);
        context.getRegistry().bind("mtOutcomes", outcomes);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStart() {
                outcomes.start();
            }

            @Override
            protected void doStop() {
                outcomes.close();
                feed.close();
            }
        }, true, true);
        return outcomes;
    }

    /** Closes every feed factory made so far. */
    static void closeFeeds() {
        FEEDS.forEach(ActiveMQConnectionFactory::close);
        FEEDS.clear();
    }
}
