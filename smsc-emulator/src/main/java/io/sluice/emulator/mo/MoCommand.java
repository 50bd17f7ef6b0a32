package io.sluice.emulator.mo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.emulator.web.MoRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a running emulator to originate one SMS ({@code POST /api/mo}) and turns the answer into a line
 * to print and an exit code.
 */
final class MoCommand {

    /** The emulator queued the message; its id is printed. */
    static final int EXIT_OK = 0;
    /** The emulator refused the message (bad number, missing text, ...). */
    static final int EXIT_REJECTED = 3;
    /** No emulator answered, or it answered something unexpected. */
    static final int EXIT_UNREACHABLE = 4;

    private static final String MO_PATH = "api/mo";
    private static final int HTTP_ACCEPTED = 202;
    private static final int HTTP_BAD_REQUEST = 400;

    /** What to print, and how the process should end. */
    record Outcome(int exitCode, String message) {
        boolean ok() {
            return exitCode == EXIT_OK;
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    MoCommand(HttpClient http, ObjectMapper json, Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    Outcome run(MoOptions options) {
        URI endpoint = options.emulatorUrl().resolve(MO_PATH);
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(new MoRequest(options.from(), options.to(), options.text(), options.shuffle() ? Boolean.TRUE : null))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return interpret(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Outcome(EXIT_UNREACHABLE, "cannot reach the SMSC emulator at " + endpoint + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(EXIT_UNREACHABLE, "interrupted while waiting for " + endpoint);
        }
    }

    private Outcome interpret(int status, String body) throws IOException {
        if (status == HTTP_ACCEPTED) {
            return new Outcome(EXIT_OK, json.readTree(body).path("id").asText());
        }
        if (status == HTTP_BAD_REQUEST) {
            JsonNode error = json.readTree(body);
            return new Outcome(EXIT_REJECTED, "rejected (" + error.path("error").asText() + "): "
                    + error.path("message").asText() + System.lineSeparator() + MoOptions.USAGE);
        }
        return new Outcome(EXIT_UNREACHABLE, "the SMSC emulator answered HTTP " + status + ": " + body);
    }
}
