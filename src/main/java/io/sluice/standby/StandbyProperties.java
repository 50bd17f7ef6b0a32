package io.sluice.standby;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the primary/standby core pair ({@code sluice.core.standby.*}, ADR 0014); every key is in
 * the README.
 *
 * @param uri            on the primary: the standby's mirror acceptor, e.g. {@code tcp://standby:5675};
 *                       empty = no standby, no mirror
 * @param sync           on the primary: whether its clients wait for the standby (no loss at a
 *                       takeover; a standby that is down stalls the primary)
 * @param mirrorPassword the password of the login {@code sluice-mirror}, the same on both cores
 * @param passive        this core is the standby: it starts passive and takes over later
 * @param mirrorPort     on the standby: the AMQP port the primary's mirror dials
 * @param takeoverAfter  on the standby: how long the primary's mirror must have been gone (after
 *                       having been seen) before the standby takes over; zero = only by hand
 */
@Validated
@ConfigurationProperties("sluice.core.standby")
public record StandbyProperties(
        @DefaultValue("") String uri,
        @DefaultValue("true") boolean sync,
        @DefaultValue("") String mirrorPassword,
        @DefaultValue("false") boolean passive,
        @DefaultValue("5675") @Min(1) @Max(65535) int mirrorPort,
        @NotNull @DefaultValue("10s") Duration takeoverAfter) {

    public StandbyProperties {
        if ((passive || !uri.isBlank()) && mirrorPassword.isBlank()) {
            throw new IllegalArgumentException(
                    "sluice.core.standby.mirror-password must be set on both cores of a primary/standby pair");
        }
        if (passive && !uri.isBlank()) {
            throw new IllegalArgumentException("a passive standby (sluice.core.standby.passive) mirrors to nobody: "
                    + "leave sluice.core.standby.uri empty on it");
        }
        if (takeoverAfter.isNegative()) {
            throw new IllegalArgumentException("sluice.core.standby.takeover-after must not be negative");
        }
    }

    /** Whether this core mirrors its broker to a standby. */
    public boolean mirrors() {
        return !uri.isBlank();
    }
}
