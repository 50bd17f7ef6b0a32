package io.sluice.link;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the core↔edge link protocol ({@code sluice.link.*}), the same at both ends.
 *
 * @param heartbeatInterval     how often each end tells the other its ring pointers
 * @param extendedInterruption  silence after which the link counts as interrupted (then re-synchronised)
 * @param retrievePatience      how long the core's MT route waits for a free ring slot before it
 *                              lets the message go back to its queue and tries again
 * @param connectionIdleTimeout silence after which either end drops the link's AMQP connection, so the
 *                              edge dials a new one and the core hands what it had in flight on the old
 *                              one to the new (ADR 0027)
 */
@Validated
@ConfigurationProperties("sluice.link")
public record LinkProperties(
        @NotNull @DefaultValue("1s") Duration heartbeatInterval,
        @NotNull @DefaultValue("5s") Duration extendedInterruption,
        @NotNull @DefaultValue("5s") Duration retrievePatience,
        @NotNull @DefaultValue("10s") Duration connectionIdleTimeout) {

    public LinkProperties {
        if (connectionIdleTimeout.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("sluice.link.connection-idle-timeout (" + connectionIdleTimeout
                    + ") must be at least three times sluice.link.heartbeat-interval (" + heartbeatInterval
                    + "): a live link must never look silent");
        }
        if (extendedInterruption.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("sluice.link.extended-interruption (" + extendedInterruption
                    + ") must be at least twice sluice.link.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
