package io.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The SMSC emulator's REST API, as tests use it (smsc-emulator/README.md). */
final class EmulatorApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    EmulatorApi(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    JsonNode stats() {
        return get("/api/stats");
    }

    /** The messages a simulated handset has received. */
    JsonNode handset(String number) {
        return get("/api/handsets/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
    }

    String originateMo(String from, String text) {
        return post("/api/mo", Map.of("from", from, "text", text)).path("id").asText();
    }

    /** A text longer than one SMS goes as concatenated parts, in a random order when {@code shuffle}. */
    String originateMo(String from, String text, boolean shuffle) {
        return post("/api/mo", Map.of("from", from, "text", text, "shuffle", shuffle)).path("id").asText();
    }

    void reset() {
        post("/api/reset", Map.of());
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private JsonNode post(String path, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
