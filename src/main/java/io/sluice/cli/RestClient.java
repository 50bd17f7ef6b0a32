package io.sluice.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP side of the command-line roles: one JSON request to a Sluice REST API, its answer read, and
 * everything else turned into the {@link CommandOutcome} to print. A 4xx answer carrying an
 * {@code ApiError} is a refusal ({@code rejected (<error>): <message>}, exit 3); no answer, or any other
 * status, means the service is unreachable or is not what was expected (exit 4).
 */
public final class RestClient {

    private static final int HTTP_CLIENT_ERRORS = 400;
    private static final int HTTP_SERVER_ERRORS = 500;

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final String service;

    /** @param service what is called, for messages: "the WAN simulator", "the core" */
    public RestClient(HttpClient http, ObjectMapper json, Duration timeout, String service) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.service = service;
    }

    /** A request with this client's timeout, asking for JSON. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    /** {@code body} as a JSON request body (sets the content type). */
    public HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Object body) {
        try {
            return request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    /**
     * Sends the request and returns the answer's JSON body (an empty object if it has none).
     *
     * @throws CommandFailure when the answer is not {@code expectedStatus}, or none came
     */
    public JsonNode call(HttpRequest request, int expectedStatus) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure(CommandOutcome.EXIT_UNREACHABLE, "cannot reach " + service + " at " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(CommandOutcome.EXIT_UNREACHABLE, "interrupted while waiting for " + request.uri());
        }
        int status = response.statusCode();
        if (status == expectedStatus) {
            JsonNode body = read(response.body());
            if (body == null) {
                throw failure(CommandOutcome.EXIT_UNREACHABLE, request.uri() + " answered something other than JSON: "
                        + response.body());
            }
            return body;
        }
        if (status >= HTTP_CLIENT_ERRORS && status < HTTP_SERVER_ERRORS) {
            JsonNode error = read(response.body());
            if (error != null && error.hasNonNull("error")) {
                throw failure(CommandOutcome.EXIT_REJECTED, "rejected (" + error.path("error").asText() + "): "
                        + error.path("message").asText());
            }
        }
        throw failure(CommandOutcome.EXIT_UNREACHABLE, service + " at " + request.uri() + " answered HTTP " + status
                + ": " + response.body());
    }

    /** The body as JSON, an empty object for no body, null when it is not JSON. */
    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static CommandFailure failure(int exitCode, String message) {
        return new CommandFailure(new CommandOutcome(exitCode, message));
    }
}
