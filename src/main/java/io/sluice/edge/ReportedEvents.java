package io.sluice.edge;

import io.sluice.core.Destinations;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;

/**
 * Which status events this edge has already sent towards the core, by their duplicate id
 * ({@code <sluice id>:<status>}): the edge broker's own duplicate-id cache of {@code sluice.events},
 * which the broker keeps on disk across restarts.
 *
 * <p>The broker refuses a second event with the same id, and in a transaction it refuses the whole
 * transaction. A receipt-handling transaction that sent one would fail every time it was tried again, and
 * every receipt behind it would wait forever. A second event for the same message and status is a fact of
 * SMS life, not an error: the SMSC repeats a receipt whose deliver_sm_resp it missed, and a message
 * submitted again after an edge's kill -9 gets a receipt for each submission. So the edge asks here
 * first and sends nothing the core already has.
 */
public final class ReportedEvents {

    private static final SimpleString EVENTS = SimpleString.of(Destinations.EVENTS);

    private final ActiveMQServer broker;

    public ReportedEvents(ActiveMQServer broker) {
        this.broker = broker;
    }

    /**
     * Whether an event with this duplicate id went out in a committed transaction (the broker adds an id to
     * its cache when the transaction that sent it commits).
     */
    public boolean contains(String duplicateId) {
        return broker.getPostOffice().getDuplicateIDCache(EVENTS).contains(SimpleString.of(duplicateId).getData());
    }
}
