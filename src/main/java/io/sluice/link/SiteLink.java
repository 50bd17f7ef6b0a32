package io.sluice.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sluice.broker.SiteBroker;
import io.sluice.ring.Direction;
import io.sluice.ring.RingSizes;
import io.sluice.ring.RingStore;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import jakarta.jms.ConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** Wiring shared by both ends of the link: ring stores, their queues, per-carrier route templates. */
public final class SiteLink {

    private SiteLink() {
    }

    /** The last-value queues of the rings of these carriers: each ring's store is {@link RingStore#SHARDS} of them. */
    public static List<QueueConfiguration> ringQueues(Iterable<String> carriers) {
        List<QueueConfiguration> queues = new ArrayList<>();
        for (String carrier : carriers) {
            for (Direction direction : Direction.values()) {
                for (String shard : RingStore.shardsOf(RingStore.storeOf(direction, carrier))) {
                    queues.add(SiteBroker.lastValueQueue(shard, RingStore.KEY));
                }
            }
        }
        return queues;
    }

    /**
     * Starts a site's broker, then moves ring stores its journal kept in an earlier layout (one queue before
     * ADR 0032, 16 shards before ADR 0035) into this version's shards, before any ring is loaded from them.
     * A broker whose stores cannot be moved is stopped.
     */
    public static SiteBroker startWithShardedRings(SiteBroker broker, Iterable<String> carriers) throws Exception {
        broker.start();
        try {
            for (String carrier : carriers) {
                for (Direction direction : Direction.values()) {
                    RingStoreLayout.moveIntoShards(broker.server(), RingStore.storeOf(direction, carrier));
                }
            }
        } catch (Exception | Error failed) {
            broker.close();
            throw failed;
        }
        return broker;
    }

    /** Rings of these carriers (sizes each), stored through the site's route connection factory. */
    public static RingRegistry ringsOfSizes(ConnectionFactory connectionFactory, Map<String, RingSizes> sizes) {
        return ringsOfSizes(connectionFactory, sizes, true, null);
    }

    /**
     * The same, for a site whose {@code originHere} ring it originates; with {@code loadNow} false (a passive
     * standby) loaded only by {@link RingRegistry#reloadAll}.
     */
    public static RingRegistry ringsOfSizes(ConnectionFactory connectionFactory, Map<String, RingSizes> sizes,
                                            boolean loadNow, Direction originHere) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true); // joins a route's transaction when there is one, commits itself otherwise
        return new RingRegistry(jms, sizes, loadNow, originHere);
    }

    /** Rings of these carriers, MT and MO of the same capacity each. */
    public static RingRegistry rings(ConnectionFactory connectionFactory, Map<String, Integer> capacities) {
        Map<String, RingSizes> sizes = new LinkedHashMap<>();
        capacities.forEach((carrier, capacity) -> sizes.put(carrier, RingSizes.both(capacity)));
        return ringsOfSizes(connectionFactory, sizes);
    }

    /** Adds one route per carrier from a YAML route template, once Camel has loaded the templates. */
    public static CamelContextConfiguration perCarrierRoutes(String templateId, Iterable<String> carriers) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                // templates are loaded with the routes; they are instantiated once the context runs
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                for (String carrier : carriers) {
                    try {
                        TemplatedRouteBuilder.builder(context, templateId)
                                .routeId(templateId + "-" + carrier)
                                .parameter("carrier", carrier)
                                .add();
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot add route " + templateId + " for carrier " + carrier, e);
                    }
                }
            }
        };
    }
}
