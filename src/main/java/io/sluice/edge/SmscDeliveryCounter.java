package io.sluice.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts what the SMSC delivers (MO parts and delivery receipts): every exchange of route
 * {@code smsc-receive}, which both protocols' consumers feed (routes/edge-smpp, routes/edge-cimd2), that
 * completed — i.e. was stored and answered. Counted in {@link CarrierTraffic} and as
 * {@code sluice.smsc.deliveries}.
 */
public final class SmscDeliveryCounter extends EventNotifierSupport {

    static final String RECEIVE_ROUTE = "smsc-receive";

    private final CarrierTraffic traffic;
    private final Counter counter;

    public SmscDeliveryCounter(MeterRegistry registry, CarrierTraffic traffic, String carrier, String protocol) {
        this.traffic = traffic;
        this.counter = Counter.builder("sluice.smsc.deliveries")
                .description("What the SMSC delivered and the edge stored: MO parts and delivery receipts")
                .tags("carrier", carrier, "protocol", protocol)
                .register(registry);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent completed
                && RECEIVE_ROUTE.equals(completed.getExchange().getFromRouteId())
                && completed.getExchange().getException() == null;
    }

    @Override
    public void notify(CamelEvent event) {
        traffic.delivered();
        counter.increment();
    }
}
