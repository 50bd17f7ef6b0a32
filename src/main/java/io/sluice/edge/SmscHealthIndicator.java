package io.sluice.edge;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health {@code smsc} of an edge, part of its readiness (ADR 0010): an edge without its SMSC session is
 * alive (it still stores MO retries and buffers MT) but not ready, since nothing reaches the phones.
 */
public final class SmscHealthIndicator implements HealthIndicator {

    private final SmscBind bind;
    private final String protocol;
    private final String smsc;

    public SmscHealthIndicator(SmscBind bind, String protocol, String smsc) {
        this.bind = bind;
        this.protocol = protocol;
        this.smsc = smsc;
    }

    @Override
    public Health health() {
        Health.Builder health = bind.bound() ? Health.up() : Health.down();
        return health.withDetail("protocol", protocol).withDetail("smsc", smsc).withDetail("session", bind.state()).build();
    }
}
