package io.sluice.link;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sluice.ring.Pointers;

/**
 * A site's rings and links as Micrometer meters (ADR 0010). Every meter reads the live objects when
 * scraped, as {@link RingJmx} does; nothing polls. The {@code role} tag is added to every meter by
 * {@code management.metrics.tags.role}.
 */
public final class RingMeters implements MeterBinder {

    private final RingRegistry rings;
    private final LinkMonitor monitor;
    private final Iterable<String> carriers;

    public RingMeters(RingRegistry rings, LinkMonitor monitor, Iterable<String> carriers) {
        this.rings = rings;
        this.monitor = monitor;
        this.carriers = carriers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        rings.all().forEach(ring -> bindRing(registry, ring));
        carriers.forEach(carrier -> bindLink(registry, carrier, monitor.state(carrier)));
    }

    private static void bindRing(MeterRegistry registry, RingHandle ring) {
        Tags tags = Tags.of("ring", ring.name(), "direction", ring.direction().code(), "carrier", ring.carrier());
        // The handle, not the ring: a failed transaction replaces the ring object (RingHandle.reload).
        Gauge.builder("sluice.ring.occupancy", ring, r -> r.ring().occupancy()).tags(tags)
                .description("Slots in use (retrieved, not yet processed)").register(registry);
        Gauge.builder("sluice.ring.capacity", ring, RingHandle::capacity).tags(tags)
                .description("Slots of the ring").register(registry);
        pointer(registry, ring, tags, "retrieved", Pointers::lastRetrieved);
        pointer(registry, ring, tags, "sent", Pointers::lastSent);
        pointer(registry, ring, tags, "confirmed", Pointers::lastConfirmed);
        pointer(registry, ring, tags, "processed", Pointers::lastProcessed);
    }

    private static void pointer(MeterRegistry registry, RingHandle ring, Tags tags, String name,
                                ToLongFunction<Pointers> pointer) {
        Gauge.builder("sluice.ring.pointer", ring, r -> pointer.applyAsLong(r.pointers())).tags(tags.and("pointer", name))
                .description("Sequence number of the ring's Last Retrieved/Sent/Confirmed/Processed pointer")
                .register(registry);
    }

    private static void bindLink(MeterRegistry registry, String carrier, LinkMonitor.LinkState state) {
        Tags tags = Tags.of("carrier", carrier);
        Gauge.builder("sluice.link.up", state, s -> s.up() ? 1 : 0).tags(tags)
                .description("1 while heart-beats arrive from the peer, 0 after an extended interruption").register(registry);
        TimeGauge.builder("sluice.link.rtt", state, TimeUnit.MILLISECONDS,
                        s -> s.roundTripTime().map(Duration::toMillis).map(Long::doubleValue).orElse(Double.NaN))
                .tags(tags).description("Latest round-trip time measured on the heart-beats (NaN before the first)")
                .register(registry);
        FunctionCounter.builder("sluice.link.interruptions", state, LinkMonitor.LinkState::interruptions).tags(tags)
                .description("Extended interruptions of the link (silence beyond sluice.link.extended-interruption)")
                .register(registry);
        for (var kind : List.of("replay", "rebuild")) {
            FunctionCounter.builder("sluice.link.replays", state,
                            s -> "replay".equals(kind) ? s.replays() : s.rebuilds())
                    .tags(tags.and("kind", kind))
                    .description("Re-synchronisations sent by this end: replay windows, and rebuilds of a peer that lost its store")
                    .register(registry);
        }
    }
}
