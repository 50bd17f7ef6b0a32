package io.sluice.wan.web;

import io.sluice.wan.WanStatus;

/**
 * JSON of a {@link WanStatus}: durations as whole milliseconds, the unit {@code PUT /api/wan} takes.
 *
 * @param oneWayLatencyMs delay added in each direction
 * @param jitterMs each chunk's delay varies within ± this
 * @param bandwidthBytesPerSecond cap per direction per connection, 0 = unlimited
 * @param blackHoled whether bytes are being dropped
 * @param blackHoleRemainingMs time until a timed black hole ends by itself, 0 when none is pending
 * @param openConnections proxied connections open now
 * @param connectionsAccepted connections accepted since start
 * @param connectionsReset connections the simulator reset
 * @param bytesClientToTarget bytes delivered to the target
 * @param bytesTargetToClient bytes delivered back to the clients
 * @param bytesInFlight bytes on the delayed path now
 * @param bytesDropped bytes lost in black holes
 * @param seed seed of the jitter random numbers
 */
public record WanStatusResponse(
        long oneWayLatencyMs,
        long jitterMs,
        long bandwidthBytesPerSecond,
        boolean blackHoled,
        long blackHoleRemainingMs,
        int openConnections,
        long connectionsAccepted,
        long connectionsReset,
        long bytesClientToTarget,
        long bytesTargetToClient,
        long bytesInFlight,
        long bytesDropped,
        long seed) {

    public static WanStatusResponse of(WanStatus status) {
        return new WanStatusResponse(status.oneWayLatency().toMillis(), status.jitter().toMillis(),
                status.bandwidthBytesPerSecond(), status.blackHoled(), status.blackHoleRemaining().toMillis(),
                status.openConnections(), status.connectionsAccepted(), status.connectionsReset(),
                status.bytesClientToTarget(), status.bytesTargetToClient(), status.bytesInFlight(),
                status.bytesDropped(), status.seed());
    }
}
