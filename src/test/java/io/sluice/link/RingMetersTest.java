package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.RingStore;
import io.sluice.testsupport.InVmBroker;
import io.sluice.testsupport.MutableClock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** The meters read a real ring registry (stored on an in-VM broker) and link monitor, live. */
class RingMetersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void ringGaugesFollowTheRingAndLinkCountersFollowTheMonitor() throws Exception {
        try (InVmBroker broker = new InVmBroker()
                .withRingStore(Direction.MT, "m")
                .withRingStore(Direction.MO, "m")
                .start();
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            RingRegistry rings = SiteLink.rings(factory, Map.of("m", 8));
            MutableClock clock = new MutableClock(NOW);
            LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), clock);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new RingMeters(rings, monitor, List.of("m")).bindTo(registry);

            RingHandle mt = rings.get(Direction.MT, "m");
            mt.markPositionKnown();
            mt.retrieve(new Payload("id-1", "alice", "+447700900001", null, "one"), NOW, Duration.ZERO);
            mt.retrieve(new Payload("id-2", "alice", "+447700900001", null, "two"), NOW, Duration.ZERO);
            mt.markSent(1);

            assertThat(gauge(registry, "sluice.ring.occupancy", "ring", "mt.m")).isEqualTo(2);
            assertThat(gauge(registry, "sluice.ring.capacity", "ring", "mt.m")).isEqualTo(8);
            assertThat(registry.get("sluice.ring.pointer").tags("ring", "mt.m", "pointer", "retrieved").gauge().value())
                    .isEqualTo(2);
            assertThat(registry.get("sluice.ring.pointer").tags("ring", "mt.m", "pointer", "sent").gauge().value())
                    .isEqualTo(1);
            mt.confirm(1);
            mt.process(1);
            assertThat(gauge(registry, "sluice.ring.occupancy", "ring", "mt.m")).isEqualTo(1);
            assertThat(registry.get("sluice.ring.pointer").tags("ring", "mt.m", "pointer", "processed").gauge().value())
                    .isEqualTo(1);

            assertThat(registry.get("sluice.link.rtt").tag("carrier", "m").timeGauge().value(TimeUnit.MILLISECONDS))
                    .isNaN();
            monitor.heard("m", java.util.Optional.of(new RoundTrip.Stamps(0, null, null)));
            RoundTrip.Stamps out = monitor.stampsFor("m");
            clock.advance(Duration.ofMillis(400));
            monitor.heard("m", java.util.Optional.of(new RoundTrip.Stamps(1, out.sentAt(), 100L)));
            assertThat(registry.get("sluice.link.rtt").tag("carrier", "m").timeGauge().value(TimeUnit.MILLISECONDS))
                    .isEqualTo(300);
            assertThat(gauge(registry, "sluice.link.up", "carrier", "m")).isEqualTo(1);

            clock.advance(Duration.ofSeconds(6));
            monitor.check();
            assertThat(gauge(registry, "sluice.link.up", "carrier", "m")).isZero();
            assertThat(registry.get("sluice.link.interruptions").tag("carrier", "m").functionCounter().count())
                    .isEqualTo(1);
            monitor.state("m").replayed();
            assertThat(registry.get("sluice.link.replays").tags("carrier", "m", "kind", "replay").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("sluice.link.replays").tags("carrier", "m", "kind", "rebuild").functionCounter().count())
                    .isZero();
        }
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }
}
