package io.sluice.edge;

import javax.management.JMException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.sluice.jmx.MBeans;

/** Publishes the edge's carrier as {@code io.sluice:type=Carrier,name=<carrier>} (see {@link CarrierViewMBean}). */
public final class CarrierJmx implements AutoCloseable {

    private final MBeans mbeans = new MBeans();

    public CarrierJmx(CarrierView view) throws JMException {
        mbeans.register("type=Carrier,name=" + view.getCarrier(), view, CarrierViewMBean.class);
    }

    @Override
    public void close() throws JMException {
        mbeans.close();
    }

    /** Reads the bind, the traffic counts and the handshake timer live. */
    public static final class CarrierView implements CarrierViewMBean {
        private final String carrier;
        private final String protocol;
        private final String smsc;
        private final SmscBind bind;
        private final CarrierTraffic traffic;
        private final MeterRegistry registry;

        public CarrierView(String carrier, String protocol, String smsc, SmscBind bind, CarrierTraffic traffic,
                           MeterRegistry registry) {
            this.carrier = carrier;
            this.protocol = protocol;
            this.smsc = smsc;
            this.bind = bind;
            this.traffic = traffic;
            this.registry = registry;
        }

        @Override public String getCarrier() { return carrier; }
        @Override public String getProtocol() { return protocol; }
        @Override public String getSmsc() { return smsc; }
        @Override public boolean isBound() { return bind.bound(); }
        @Override public String getSessionState() { return bind.state(); }
        @Override public long getSubmitsTotal() { return traffic.submits().total(); }
        @Override public long getSubmitErrorsTotal() { return traffic.submitErrors().total(); }
        @Override public double getSubmitsPerSecond() { return traffic.submits().perSecond(); }
        @Override public double getSubmitErrorsPerSecond() { return traffic.submitErrors().perSecond(); }
        @Override public long getDeliveriesTotal() { return traffic.deliveries().total(); }
        @Override public double getDeliveriesPerSecond() { return traffic.deliveries().perSecond(); }
        @Override public double getHandshakeMedianMillis() { return handshakePercentile(0.5); }
        @Override public double getHandshakeP99Millis() { return handshakePercentile(0.99); }

        private double handshakePercentile(double percentile) {
            Timer timer = registry.find(SmscSubmitMeter.HANDSHAKE).tags("carrier", carrier, "outcome", "ok").timer();
            if (timer == null || timer.count() == 0) {
                return Double.NaN;
            }
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                if (value.percentile() == percentile) {
                    return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }
            return Double.NaN;
        }
    }
}
