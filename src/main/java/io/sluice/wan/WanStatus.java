package io.sluice.wan;

import java.time.Duration;

/**
 * A snapshot of a {@link WanSimulator}: its current conditions and its counters since start.
 *
 * @param oneWayLatency delay added in each direction
 * @param jitter each chunk's delay varies within ± this
 * @param bandwidthBytesPerSecond cap per direction per connection, 0 = unlimited
 * @param blackHoled whether bytes are being dropped
 * @param blackHoleRemaining time until a timed black hole ends by itself; zero when none is pending
 * @param openConnections proxied connections open now (including those held by a black hole)
 * @param connectionsAccepted connections accepted since start
 * @param connectionsReset connections the simulator reset (by request, or because a black hole
 *     dropped some of their bytes)
 * @param bytesClientToTarget bytes delivered to the target
 * @param bytesTargetToClient bytes delivered back to the clients
 * @param bytesInFlight bytes read from one side and waiting on the delayed path to the other
 * @param bytesDropped bytes lost in black holes
 * @param seed the seed of the jitter random numbers, to repeat a run
 */
public record WanStatus(
        Duration oneWayLatency,
        Duration jitter,
        long bandwidthBytesPerSecond,
        boolean blackHoled,
        Duration blackHoleRemaining,
        int openConnections,
        long connectionsAccepted,
        long connectionsReset,
        long bytesClientToTarget,
        long bytesTargetToClient,
        long bytesInFlight,
        long bytesDropped,
        long seed) {
}
