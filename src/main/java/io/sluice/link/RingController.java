package io.sluice.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.sluice.ring.Flag;
import io.sluice.ring.Pointers;
import io.sluice.ring.Slot;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rings and links of this site, live, as JSON ({@code GET /api/rings}, {@code GET /api/link}). */
@RestController
@Profile({"core", "edge"})
public class RingController {

    private final ObjectProvider<RingRegistry> rings;
    private final ObjectProvider<LinkMonitor> monitor;

    public RingController(ObjectProvider<RingRegistry> rings, ObjectProvider<LinkMonitor> monitor) {
        this.rings = rings;
        this.monitor = monitor;
    }

    /**
     * One ring as JSON: pointers, occupancy and (with {@code slots=true}) every used slot; {@code peerCapacity} is
     * the other end's slots for it as its latest heart-beat said (null until heard), which should equal
     * {@code capacity}.
     */
    public record RingView(String name, String direction, String carrier, int capacity, Integer peerCapacity, long floor,
                    Pointers pointers, int occupancy, List<SlotView> slots) {
    }

    public record SlotView(int address, long sequence, String messageId, String sender, String recipient, List<Flag> flags,
                    Instant retrievedAt) {
    }

    public record LinkView(String carrier, boolean up, Instant lastHeard, long interruptions, Instant lastInterruptionAt,
                    long replays, long rebuilds) {
    }

    @GetMapping("/api/rings")
    public List<RingView> rings(@RequestParam(defaultValue = "false") boolean slots) {
        List<RingView> views = new ArrayList<>();
        for (RingHandle handle : rings.getObject().all()) {
            var ring = handle.ring();
            List<SlotView> used = slots ? ring.slots().stream().filter(Objects::nonNull).map(RingController::view).toList()
                    : List.of();
            OptionalInt peerCapacity = handle.peerCapacity();
            views.add(new RingView(handle.name(), handle.direction().code(), handle.carrier(), handle.capacity(),
                    peerCapacity.isPresent() ? peerCapacity.getAsInt() : null, ring.floor(), ring.pointers(),
                    ring.occupancy(), used));
        }
        return views;
    }

    @GetMapping("/api/link")
    public Map<String, LinkView> link() {
        Map<String, LinkView> views = new TreeMap<>();
        monitor.getObject().states().forEach((carrier, state) -> views.put(carrier, new LinkView(carrier, state.up(),
                state.lastHeard(), state.interruptions(), state.lastInterruptionAt(), state.replays(), state.rebuilds())));
        return views;
    }

    private static SlotView view(Slot slot) {
        return new SlotView(slot.address(), slot.sequence(), slot.messageId(), slot.payload().sender(),
                slot.payload().recipient(), slot.flags().stream().sorted().toList(), slot.retrievedAt());
    }
}
