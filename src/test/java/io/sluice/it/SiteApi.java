package io.sluice.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A core's or an edge's ring and link REST API ({@code /api/rings}, {@code /api/link}), read as the demo's operator (ADR 0028). */
final class SiteApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    SiteApi(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    JsonNode rings() {
        return get("/api/rings");
    }

    /** A core's standby state (GET /api/standby, ADR 0014). */
    JsonNode standby() {
        return get("/api/standby");
    }

    JsonNode link() {
        return get("/api/link");
    }

    /** Every ring with its unprocessed slots, for the message of a failed test. */
    String unsettledRings() {
        StringBuilder out = new StringBuilder();
        for (JsonNode ring : get("/api/rings?slots=true")) {
            out.append("\n  ").append(ring.path("name").asText()).append(" floor ").append(ring.path("floor"))
                    .append(' ').append(ring.path("pointers")).append(" occupancy ").append(ring.path("occupancy"));
            for (JsonNode slot : ring.path("slots")) {
                if (!slot.path("flags").toString().contains("PROCESSED")) {
                    out.append("\n    ").append(slot.path("sequence")).append(' ').append(slot.path("flags"));
                }
            }
        }
        return out.toString();
    }

    /** Whether every ring here is empty with its four pointers equal. */
    boolean ringsSettled() {
        for (JsonNode ring : rings()) {
            JsonNode p = ring.path("pointers");
            long retrieved = p.path("lastRetrieved").asLong();
            if (ring.path("occupancy").asInt() != 0 || p.path("lastSent").asLong() != retrieved
                    || p.path("lastConfirmed").asLong() != retrieved || p.path("lastProcessed").asLong() != retrieved) {
                return false;
            }
        }
        return true;
    }

    /** One attribute of an MBean of the site, read through Jolokia as Hawtio reads it (as the operator). */
    JsonNode mbeanAttribute(String mbean, String attribute) {
        return jolokia(java.util.Map.of("type", "read", "mbean", mbean, "attribute", attribute));
    }

    /** The MBean of a Camel route of the site, whatever Camel named its context in the object name. */
    String camelRoute(String routeId) {
        JsonNode found = jolokia(java.util.Map.of("type", "search",
                "mbean", "org.apache.camel:type=routes,name=\"" + routeId + "\",*"));
        if (found.size() != 1) {
            throw new IllegalStateException("route " + routeId + ": found " + found + " among "
                    + jolokia(java.util.Map.of("type", "search", "mbean", "org.apache.camel:*")));
        }
        return found.get(0).asText();
    }

    private JsonNode jolokia(java.util.Map<String, String> operation) {
        try {
            String request = JSON.writeValueAsString(operation);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/jolokia"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", ManagementLogin.OPERATOR.authorization())
                            .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (answer.path("status").asInt() != 200) {
                throw new IllegalStateException("Jolokia " + operation + ": " + response.body());
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks a standby core to take over ({@code POST /api/admin/standby/activate}) with this admin token
     * (none: null); returns the HTTP status.
     */
    int activateStandby(String adminToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/admin/standby/activate"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return send(request.build()).statusCode();
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", ManagementLogin.OPERATOR.authorization()).GET().build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
