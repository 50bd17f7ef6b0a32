package io.sluice.broker;

import java.util.Map;
import java.util.TreeMap;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.paging.PagingManager;
import org.apache.activemq.artemis.core.paging.PagingStore;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health {@code brokerPaging} of a site's broker (ADR 0010): status {@link #PAGING}, answered with HTTP
 * 200, while any address holds more than its memory budget and pages to disk — the site still works,
 * slower, and an operator should see it; DOWN when the disk is full and producers are blocked.
 */
public final class BrokerPagingHealthIndicator implements HealthIndicator {

    /** Working, but some address pages to disk (see {@code management.endpoint.health.status.*}). */
    public static final Status PAGING = new Status("PAGING", "An address is paging to disk");

    private final ActiveMQServer broker;

    public BrokerPagingHealthIndicator(ActiveMQServer broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        PagingManager paging = broker.getPagingManager();
        if (paging == null) {
            return Health.unknown().withDetail("broker", "not started").build();
        }
        Map<String, Long> paged = new TreeMap<>();
        for (SimpleString address : paging.getStoreNames()) {
            try {
                PagingStore store = paging.getPageStore(address);
                if (store != null && store.isPaging()) {
                    paged.put(address.toString(), store.getAddressSize());
                }
            } catch (Exception unreadable) {
                paged.put(address.toString(), -1L); // a store that cannot be read is worth a look too
            }
        }
        Health.Builder health = paging.isDiskFull() ? Health.down().withDetail("diskFull", true)
                : paged.isEmpty() ? Health.up() : Health.status(PAGING);
        return health.withDetail("pagingAddresses", paged).withDetail("globalSizeBytes", paging.getGlobalSize()).build();
    }
}
