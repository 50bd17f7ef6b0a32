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
 */
@Validated
@ConfigurationProperties("sluice.link")
public record LinkProperties(
        @NotNull @DefaultValue("1s") Duration heartbeatInterval,
        @NotNull @DefaultValue("5s") Duration extendedInterruption,
        @NotNull @DefaultValue("5s") Duration retrievePatience) {

    public LinkProperties {
        if (extendedInterruption.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("sluice.link.extended-interruption (" + extendedInterruption
                    + ") must be at least twice sluice.link.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
