package io.sluice.bench;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The SMSC emulator's REST API as the benchmark uses it (smsc-emulator/README.md). */
final class EmulatorClient {

    private final JsonApi api;

    EmulatorClient(int httpPort) {
        this.api = new JsonApi(httpPort, "the SMSC emulator");
    }

    /** The counters now, with the bench's clock reading taken as the answer arrived. */
    Counters counters() {
        JsonNode stats = api.get("/api/stats");
        return new Counters(System.nanoTime(), stats.path("submits").asLong(), stats.path("busyNanos").asLong(),
                stats.path("moDelivered").asLong(), stats.path("binds").asInt());
    }

    /** A phone texts the service number. */
    void originateMo(String from, String text) {
        api.send("POST", "/api/mo", Map.of("from", from, "text", text), 202);
    }

    /** The newest {@code limit} recorded PDUs, oldest first. */
    JsonNode traffic(int limit) {
        return api.get("/api/traffic?limit=" + limit);
    }

    /** What the benchmark reads from {@code /api/stats}; {@code atNanos} is the bench's {@link System#nanoTime()}. */
    record Counters(long atNanos, long submits, long busyNanos, long moDelivered, int binds) {
    }
}
