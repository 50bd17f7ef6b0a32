package io.sluice.sms.cimd2.client;

import java.time.Duration;
import java.util.Map;

import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The {@code cimd2:} Camel component (ADR 0009): {@code cimd2:host:port?user=...&password=...} is one
 * stop-and-wait CIMD2 session with an SMSC. Sending to it submits the body as a message (blocking
 * until the submit response); what the SMSC delivers goes to the route {@code messageReceiverRouteId}
 * and is answered once that route has finished, as camel-smpp does.
 *
 * <p>Options: {@code user}, {@code password}, {@code responseTimeout} (10s), {@code maxTransmissions}
 * (3), {@code aliveInterval} (60s), {@code reconnectDelay} (2s), {@code checksum} (true),
 * {@code checksumPolicy} (VERIFY_IF_PRESENT), {@code messageReceiverRouteId}; durations as {@code 10s}
 * or milliseconds.
 */
public final class Cimd2Component extends DefaultComponent {

    private static final String DEFAULT_RESPONSE_TIMEOUT = "10s";
    private static final int DEFAULT_MAX_TRANSMISSIONS = 3;
    private static final String DEFAULT_ALIVE_INTERVAL = "60s";
    private static final String DEFAULT_RECONNECT_DELAY = "2s";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected cimd2:host:port, got " + uri);
        }
        Cimd2ClientSettings settings = new Cimd2ClientSettings(
                remaining.substring(0, colon),
                Integer.parseInt(remaining.substring(colon + 1)),
                getAndRemoveParameter(parameters, "user", String.class),
                getAndRemoveParameter(parameters, "password", String.class, ""),
                duration(parameters, "responseTimeout", DEFAULT_RESPONSE_TIMEOUT),
                getAndRemoveParameter(parameters, "maxTransmissions", Integer.class, DEFAULT_MAX_TRANSMISSIONS),
                duration(parameters, "aliveInterval", DEFAULT_ALIVE_INTERVAL),
                duration(parameters, "reconnectDelay", DEFAULT_RECONNECT_DELAY),
                getAndRemoveParameter(parameters, "checksum", Boolean.class, true),
                Cimd2ChecksumPolicy.valueOf(getAndRemoveParameter(parameters, "checksumPolicy", String.class,
                        Cimd2ChecksumPolicy.VERIFY_IF_PRESENT.name())));
        String receiverRouteId = getAndRemoveParameter(parameters, "messageReceiverRouteId", String.class);
        return new Cimd2Endpoint(uri, this, settings, receiverRouteId);
    }

    private Duration duration(Map<String, Object> parameters, String name, String defaultValue) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(getAndRemoveParameter(parameters, name, String.class,
                defaultValue)));
    }
}
