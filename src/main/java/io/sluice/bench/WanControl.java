package io.sluice.bench;

import java.time.Duration;
import java.util.Map;

/** A WAN simulator child's REST API (docs/wan-simulator.md): round trip, jitter, black holes. */
final class WanControl {

    private final JsonApi api;
    private final int jitterPercent;

    WanControl(int httpPort, int jitterPercent) {
        this.api = new JsonApi(httpPort, "the WAN simulator");
        this.jitterPercent = jitterPercent;
    }

    /** Half the round trip each way, with the bench's jitter (a percentage of the one-way latency). */
    void roundTrip(Duration rtt) {
        long oneWayMs = rtt.toMillis() / 2;
        api.send("PUT", "/api/wan", Map.of("oneWayLatencyMs", oneWayMs, "jitterMs", oneWayMs * jitterPercent / 100),
                200);
    }

    void blackHole(boolean on) {
        api.send("PUT", "/api/wan", Map.of("blackHoled", on), 200);
    }
}
