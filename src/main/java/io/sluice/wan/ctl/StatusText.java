package io.sluice.wan.ctl;

import com.fasterxml.jackson.databind.JsonNode;

/** The status JSON of {@code /api/wan} as a few lines for a terminal. */
final class StatusText {

    private static final double MILLIS_PER_SECOND = 1_000.0;

    private StatusText() {
    }

    static String of(JsonNode status) {
        return String.join(System.lineSeparator(),
                "link:        " + link(status),
                "latency:     " + status.path("oneWayLatencyMs").asLong() + " ms one way, jitter +/- "
                        + status.path("jitterMs").asLong() + " ms",
                "bandwidth:   " + bandwidth(status.path("bandwidthBytesPerSecond").asLong()),
                "connections: " + status.path("openConnections").asLong() + " open, "
                        + status.path("connectionsAccepted").asLong() + " accepted, "
                        + status.path("connectionsReset").asLong() + " reset",
                "bytes:       " + status.path("bytesClientToTarget").asLong() + " client->target, "
                        + status.path("bytesTargetToClient").asLong() + " target->client, "
                        + status.path("bytesInFlight").asLong() + " in flight, "
                        + status.path("bytesDropped").asLong() + " dropped",
                "jitter seed: " + status.path("seed").asLong());
    }

    private static String link(JsonNode status) {
        if (!status.path("blackHoled").asBoolean()) {
            return "up";
        }
        long remainingMs = status.path("blackHoleRemainingMs").asLong();
        return remainingMs > 0
                ? String.format("BLACK HOLE, ends in %.1f s", remainingMs / MILLIS_PER_SECOND)
                : "BLACK HOLE, until restored";
    }

    private static String bandwidth(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "unlimited" : bytesPerSecond + " bytes/s per direction";
    }
}
