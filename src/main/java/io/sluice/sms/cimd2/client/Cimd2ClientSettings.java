package io.sluice.sms.cimd2.client;

import java.time.Duration;
import java.util.Objects;

import io.sluice.sms.cimd2.Cimd2ChecksumPolicy;

/**
 * How the edge's CIMD2 session connects and paces itself.
 *
 * @param host               the SMSC
 * @param port               its CIMD2 port
 * @param user               user identity (010) of the login
 * @param password           password (011) of the login
 * @param responseTimeout    wait for a response before the request is sent again (same packet number)
 * @param maxTransmissions   how often one request is sent in all before the connection is given up
 * @param aliveInterval      idle time after which alive (40) checks the connection
 * @param reconnectDelay     first pause before reconnecting; doubles per failed attempt, up to
 *                           {@link #MAX_RECONNECT_DELAY}
 * @param checksum           whether our packets carry the optional checksum (§3.3)
 * @param checksumPolicy     what is accepted from the SMSC
 */
public record Cimd2ClientSettings(String host, int port, String user, String password, Duration responseTimeout,
                                  int maxTransmissions, Duration aliveInterval, Duration reconnectDelay,
                                  boolean checksum, Cimd2ChecksumPolicy checksumPolicy) {

    /** Back-off ceiling: a down SMSC is tried at least this often. */
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    public Cimd2ClientSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(checksumPolicy, "checksumPolicy");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
        if (maxTransmissions < 1) {
            throw new IllegalArgumentException("maxTransmissions must be at least 1, got " + maxTransmissions);
        }
        for (Duration duration : new Duration[] {responseTimeout, aliveInterval, reconnectDelay}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + this);
            }
        }
    }

    /** The pause before reconnect attempt {@code failures + 1}. */
    Duration reconnectDelayAfter(int failures) {
        Duration delay = reconnectDelay.multipliedBy(1L << Math.min(failures, 10));
        return delay.compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : delay;
    }

    @Override
    public String toString() {
        return "Cimd2ClientSettings[" + user + "@" + host + ":" + port + ", responseTimeout=" + responseTimeout
                + ", maxTransmissions=" + maxTransmissions + ", aliveInterval=" + aliveInterval + "]";
    }
}
