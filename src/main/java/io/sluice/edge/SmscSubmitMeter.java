package io.sluice.edge;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Times every submit to the SMSC, on SMPP and CIMD2 alike (ADR 0010): Camel reports each send to the
 * {@code smpp:} or {@code cimd2:} endpoint of {@code smsc-submit} with the time it took, from the first
 * byte out to the last response in (all parts of a long text), and each retry as a send of its own. A
 * failed send also counts in {@code sluice.smsc.errors} under the SMSC's error code. An event notifier
 * rather than steps in the routes: the same timing for both protocols, and a retry re-times only the
 * send that is repeated.
 */
public final class SmscSubmitMeter extends EventNotifierSupport {

    private static final Set<String> SMSC_SCHEMES = Set.of("smpp", "smpps", "cimd2");
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    static final String HANDSHAKE = "sluice.smsc.handshake";

    private final MeterRegistry registry;
    private final CarrierTraffic traffic;
    private final String carrier;
    private final String protocol;

    public SmscSubmitMeter(MeterRegistry registry, CarrierTraffic traffic, String carrier, String protocol) {
        this.registry = registry;
        this.traffic = traffic;
        this.carrier = carrier;
        this.protocol = protocol;
        // Only the exchange-sent events are of interest; Camel skips creating the others for us.
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    /**
     * The sending event must be accepted too: Camel only starts the stop-watch whose reading the sent
     * event carries (and only sends that event) when some notifier took the sending event.
     */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending && isSmsc(sending.getEndpoint())
                || event instanceof ExchangeSentEvent sent && isSmsc(sent.getEndpoint());
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        Exception failure = sent.getExchange().getException();
        traffic.submitted(failure != null);
        Timer.builder(HANDSHAKE)
                .description("Submit to the SMSC until its response (stop-and-wait), per message and attempt")
                .tags("carrier", carrier, "protocol", protocol, "outcome", failure == null ? "ok" : "error")
                .publishPercentiles(PERCENTILES)
                .publishPercentileHistogram()
                .register(registry)
                .record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
        if (failure != null) {
            Counter.builder("sluice.smsc.errors")
                    .description("Failed submits by the SMSC's error code (or the failure's type without one)")
                    .tags("carrier", carrier, "protocol", protocol, "code", EdgeEvents.errorCode(failure))
                    .register(registry)
                    .increment();
        }
    }

    private static boolean isSmsc(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int colon = uri.indexOf(':');
        return SMSC_SCHEMES.contains(colon < 0 ? uri : uri.substring(0, colon));
    }
}
