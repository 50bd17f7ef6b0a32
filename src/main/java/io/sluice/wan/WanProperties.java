package io.sluice.wan;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the WAN simulator ({@code sluice.wan.*}), described in {@code docs/wan-simulator.md}.
 * Latency, jitter and bandwidth are only the starting conditions: they can be changed while the
 * simulator runs.
 *
 * @param listenHost interface the simulator listens on (the edge dials it)
 * @param listenPort port the simulator listens on; 0 picks a free port (tests)
 * @param targetHost where every accepted connection is forwarded (the core's edge acceptor)
 * @param targetPort port of the target
 * @param oneWayLatency delay added to every byte in each direction (a round trip costs twice this)
 * @param jitter each chunk's delay varies uniformly within ± this much; never reorders bytes
 * @param bandwidthBytesPerSecond cap per direction per connection; 0 means unlimited
 * @param seed seed of the jitter random numbers, for repeatable runs; absent: a random seed, logged
 *     at start and shown in the status
 */
@Validated
@ConfigurationProperties("sluice.wan")
public record WanProperties(
        @DefaultValue("127.0.0.1") @NotBlank String listenHost,
        @DefaultValue("5674") @Min(0) @Max(65535) int listenPort,
        @DefaultValue("localhost") @NotBlank String targetHost,
        @DefaultValue("5673") @Min(1) @Max(65535) int targetPort,
        @DefaultValue("0ms") @NotNull Duration oneWayLatency,
        @DefaultValue("0ms") @NotNull Duration jitter,
        @DefaultValue("0") @Min(0) long bandwidthBytesPerSecond,
        Long seed) {

    /** Settings for a simulator in Java tests: loopback, a free listen port, a perfect link. */
    public static WanProperties forTarget(String targetHost, int targetPort) {
        return new WanProperties("127.0.0.1", 0, targetHost, targetPort, Duration.ZERO, Duration.ZERO, 0, null);
    }

    @AssertTrue(message = "one-way-latency and jitter must be between 0 and 1 hour")
    public boolean isDelaysInRange() {
        return isInRange(oneWayLatency) && isInRange(jitter);
    }

    private static boolean isInRange(Duration delay) {
        return delay == null || (!delay.isNegative() && delay.compareTo(WanSimulator.MAX_DELAY) <= 0);
    }
}
