package io.sluice.link;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import io.sluice.broker.groupcommit.RollbackListener;
import io.sluice.ring.Direction;
import io.sluice.ring.RingFullException;
import io.sluice.ring.RingStore;
import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;

/**
 * The rings of one site, loaded from their stores at start-up. The {@code groupcommit:} routes that
 * change rings tell it of every batch that rolled back (ADR 0025).
 */
public final class RingRegistry implements RollbackListener {

    private final Map<String, RingHandle> byName = new LinkedHashMap<>();

    /**
     * @param jms       a transacted template on the site's route connection factory
     * @param capacities slots per carrier; one MT and one MO ring per carrier
     */
    public RingRegistry(JmsTemplate jms, Map<String, Integer> capacities) {
        capacities.forEach((carrier, capacity) -> {
            for (Direction direction : Direction.values()) {
                RingStore store = new RingStore(jms, RingStore.queueOf(direction, carrier), capacity);
                RingHandle handle = new RingHandle(direction, carrier, capacity, store);
                byName.put(handle.name(), handle);
            }
        });
    }

    public RingHandle get(Direction direction, String carrier) {
        return byName(direction.ringName(carrier));
    }

    public RingHandle byName(String name) {
        RingHandle handle = byName.get(name);
        if (handle == null) {
            throw new NoSuchElementException("No ring " + name + "; rings here: " + byName.keySet());
        }
        return handle;
    }

    public Collection<RingHandle> all() {
        return byName.values();
    }

    /** A standby taking over: every ring from its store, which the primary's mirror has been filling (ADR 0014). */
    public void reloadAll() {
        byName.values().forEach(RingHandle::restoreFromStore);
    }

    /** After a failed transaction on a ring's route: memory back to what committed. */
    public void reload(String name) {
        if (name != null && byName.containsKey(name)) {
            byName.get(name).reload();
        }
    }

    /**
     * A batch of a ring route rolled back: every ring one of its messages touched (exchange property
     * {@link LinkHeaders#RING_PROPERTY}) back to what committed. A message refused for a full ring
     * changed nothing, so it reloads nothing: reloading while another route's transaction on the same
     * ring is open would drop that route's change from memory (ADR 0025).
     */
    @Override
    public void rolledBack(List<Exchange> batch) {
        batch.stream()
                .filter(exchange -> !(exchange.getException() instanceof RingFullException))
                .map(exchange -> exchange.getProperty(LinkHeaders.RING_PROPERTY, String.class))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(this::reload);
    }
}
