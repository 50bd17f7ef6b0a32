package io.sluice.wan.ctl;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes a running WAN simulator through its REST API ({@code PUT /api/wan}, then
 * {@code POST /api/wan/reset}, then {@code POST /api/wan/black-hole}, as asked) and turns the last
 * answer into the status to print and an exit code.
 */
final class WanCtlCommand {

    /** Done; the status is printed. */
    static final int EXIT_OK = 0;
    /** The command line is malformed; nothing was sent. */
    static final int EXIT_USAGE = 2;
    /** The simulator refused a request (the reason is printed). */
    static final int EXIT_REJECTED = 3;
    /** No simulator answered, or it answered something unexpected. */
    static final int EXIT_UNREACHABLE = 4;

    private static final String API_PATH = "api/wan";
    private static final int HTTP_OK = 200;
    private static final int HTTP_CLIENT_ERRORS = 400;
    private static final int HTTP_SERVER_ERRORS = 500;
    private static final int MILLIS_SCALE = 3;

    /** What to print, and how the process should end. */
    record Outcome(int exitCode, String message) {
        boolean ok() {
            return exitCode == EXIT_OK;
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    WanCtlCommand(HttpClient http, ObjectMapper json, Duration timeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    Outcome run(WanCtlOptions options) {
        URI api = options.wanUrl().resolve(API_PATH);
        try {
            HttpResponse<String> last = null;
            for (HttpRequest request : requests(options, api)) {
                last = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() != HTTP_OK) {
                    return failure(request.uri(), last);
                }
            }
            return new Outcome(EXIT_OK, StatusText.of(json.readTree(last.body())));
        } catch (IOException e) {
            return new Outcome(EXIT_UNREACHABLE, "cannot reach the WAN simulator at " + api + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(EXIT_UNREACHABLE, "interrupted while waiting for " + api);
        }
    }

    /** Settings first, so that a reset or a black hole happens under the new conditions. */
    private List<HttpRequest> requests(WanCtlOptions options, URI api) throws IOException {
        List<HttpRequest> requests = new ArrayList<>();
        if (options.changesSettings()) {
            requests.add(request(api).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(changes(options)))).build());
        }
        if (options.reset()) {
            requests.add(request(URI.create(api + "/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        if (options.blackHole() != null) {
            String seconds = BigDecimal.valueOf(options.blackHole().toMillis(), MILLIS_SCALE)
                    .stripTrailingZeros().toPlainString();
            requests.add(request(URI.create(api + "/black-hole?seconds=" + seconds))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        if (requests.isEmpty()) {
            requests.add(request(api).GET().build());
        }
        return requests;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    private ObjectNode changes(WanCtlOptions options) {
        ObjectNode body = json.createObjectNode();
        if (options.latency() != null) {
            body.put("oneWayLatencyMs", options.latency().toMillis());
        }
        if (options.jitter() != null) {
            body.put("jitterMs", options.jitter().toMillis());
        }
        if (options.bandwidthBytesPerSecond() != null) {
            body.put("bandwidthBytesPerSecond", options.bandwidthBytesPerSecond());
        }
        if (options.restore()) {
            body.put("blackHoled", false);
        }
        return body;
    }

    private Outcome failure(URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= HTTP_CLIENT_ERRORS && status < HTTP_SERVER_ERRORS) {
            JsonNode error = readQuietly(response.body());
            if (error.hasNonNull("error")) {
                return new Outcome(EXIT_REJECTED, "rejected (" + error.path("error").asText() + "): "
                        + error.path("message").asText());
            }
        }
        return new Outcome(EXIT_UNREACHABLE, uri + " answered HTTP " + status + ": " + response.body());
    }

    private JsonNode readQuietly(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
