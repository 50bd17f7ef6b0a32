package io.sluice.link;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.ring.Direction;
import io.sluice.ring.RingSizes;
import io.sluice.ring.RingStore;
import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;

/**
 * The rings of one site, loaded from their stores at start-up. The {@code groupcommit:} routes that
 * change rings tell it how each batch went, so that a batch's ring changes follow its transaction
 * (ADR 0025, 0026).
 */
public final class RingRegistry implements BatchListener {

    private final Map<String, RingHandle> byName = new LinkedHashMap<>();

    /**
     * @param jms       a transacted template on the site's route connection factory
     * @param sizes      one MT and one MO ring per carrier, of these sizes
     */
    public RingRegistry(JmsTemplate jms, Map<String, RingSizes> sizes) {
        this(jms, sizes, true, null);
    }

    /**
     * @param loadNow    false on a passive standby core: its rings are loaded from the stores the primary's
     *                   mirror fills only when it takes over ({@link #reloadAll})
     * @param originHere the direction whose ring originates at this site (the core: MT, an edge: MO); null if
     *                   neither, which treats both as mirrors (a mirror may not shrink below its origin's window)
     */
    public RingRegistry(JmsTemplate jms, Map<String, RingSizes> sizes, boolean loadNow, Direction originHere) {
        sizes.forEach((carrier, size) -> {
            for (Direction direction : Direction.values()) {
                int capacity = size.of(direction);
                RingStore store = new RingStore(jms, RingStore.storeOf(direction, carrier), capacity);
                RingHandle handle = new RingHandle(direction, carrier, capacity, store, loadNow, direction == originHere);
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

    /** A batch of a ring route begins: its ring changes are kept, to be undone should it roll back (ADR 0026). */
    @Override
    public void beginning() {
        RingChanges.begin();
    }

    @Override
    public void committed(List<Exchange> batch) {
        RingChanges.current().ifPresent(RingChanges::committed);
    }

    /** Undoes exactly what the batch changed; other routes' open transactions on the same rings keep theirs. */
    @Override
    public void rolledBack(List<Exchange> batch) {
        RingChanges.current().ifPresent(RingChanges::rolledBack);
    }

    /** Nobody will say how the batch ended: its ring changes stay as memory has them, no longer open. */
    @Override
    public void abandoned() {
        RingChanges.current().ifPresent(RingChanges::abandon);
    }

    /** The ring stores say whether the batch committed; throws (and is asked again) while they cannot be read. */
    @Override
    public void commitFailed(List<Exchange> batch) {
        RingChanges.current().ifPresent(RingChanges::commitFailed);
    }
}
