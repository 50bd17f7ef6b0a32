package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The Carrier MBean as Hawtio reads it: through the platform MBean server, by name. */
class CarrierJmxTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void showsTheBindTheTrafficAndTheHandshakeTimesLive() throws Exception {
        AtomicLong now = new AtomicLong(5_000_000L);
        CarrierTraffic traffic = new CarrierTraffic(now::get);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer handshake = Timer.builder(SmscSubmitMeter.HANDSHAKE).tags("carrier", "gamma", "protocol", "smpp", "outcome", "ok")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        boolean[] bound = {true};
        SmscBind bind = new SmscBind() {
            @Override public boolean bound() { return bound[0]; }
            @Override public String state() { return bound[0] ? "BOUND_TRX" : "CLOSED"; }
        };
        ObjectName name = new ObjectName("io.sluice:type=Carrier,name=gamma");

        try (CarrierJmx jmx = new CarrierJmx(new CarrierJmx.CarrierView("gamma", "smpp", "smsc.example:2775", bind,
                traffic, registry))) {
            assertThat((double) server.getAttribute(name, "HandshakeMedianMillis")).isNaN(); // no sample yet
            for (int i = 0; i < 120; i++) {
                traffic.submitted(i % 10 == 0);
                handshake.record(2, TimeUnit.MILLISECONDS);
            }
            traffic.delivered();
            now.addAndGet(1000);

            assertThat(server.getAttribute(name, "Bound")).isEqualTo(true);
            assertThat(server.getAttribute(name, "SessionState")).isEqualTo("BOUND_TRX");
            assertThat(server.getAttribute(name, "Smsc")).isEqualTo("smsc.example:2775");
            assertThat(server.getAttribute(name, "SubmitsTotal")).isEqualTo(120L);
            assertThat(server.getAttribute(name, "SubmitErrorsTotal")).isEqualTo(12L);
            assertThat((double) server.getAttribute(name, "SubmitsPerSecond")).isEqualTo(2.0);
            assertThat(server.getAttribute(name, "DeliveriesTotal")).isEqualTo(1L);
            assertThat((double) server.getAttribute(name, "HandshakeMedianMillis")).isCloseTo(2.0, within(0.2));
            assertThat((double) server.getAttribute(name, "HandshakeP99Millis")).isCloseTo(2.0, within(0.2));

            bound[0] = false;
            assertThat(server.getAttribute(name, "SessionState")).isEqualTo("CLOSED");
        }
        assertThat(server.isRegistered(name)).as("unregistered on close").isFalse();
    }
}
