package io.sluice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.RestClient;

/** One child's REST API on 127.0.0.1, through the command-line roles' {@link RestClient}. */
final class JsonApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final String base;

    JsonApi(int httpPort, String service) {
        this.rest = new RestClient(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), JSON, TIMEOUT, service);
        this.base = "http://127.0.0.1:" + httpPort;
    }

    JsonNode get(String path) {
        return rest.call(rest.request(URI.create(base + path)).GET().build(), 200);
    }

    JsonNode send(String method, String path, Map<String, ?> body, int expectedStatus) {
        return rest.call(rest.withJson(rest.request(URI.create(base + path)), method, body).build(), expectedStatus);
    }
}
