package io.sluice.wan.ctl;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cli.CommandFailure;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;

/**
 * Changes a running WAN simulator through its REST API ({@code PUT /api/wan}, then
 * {@code POST /api/wan/reset}, then {@code POST /api/wan/black-hole}, as asked) and turns the last
 * answer into the status to print and an exit code ({@link CommandOutcome}). The first refusal stops it.
 */
final class WanCtlCommand {

    private static final String API_PATH = "api/wan";
    private static final int HTTP_OK = 200;
    private static final int MILLIS_SCALE = 3;

    private final RestClient api;

    WanCtlCommand(RestClient api) {
        this.api = api;
    }

    CommandOutcome run(WanCtlOptions options) {
        URI wan = options.wanUrl().resolve(API_PATH);
        try {
            JsonNode last = null;
            for (HttpRequest request : requests(options, wan)) {
                last = api.call(request, HTTP_OK);
            }
            return CommandOutcome.done(StatusText.of(last));
        } catch (CommandFailure failure) {
            return failure.outcome();
        }
    }

    /** Settings first, so that a reset or a black hole happens under the new conditions. */
    private List<HttpRequest> requests(WanCtlOptions options, URI wan) {
        List<HttpRequest> requests = new ArrayList<>();
        if (options.changesSettings()) {
            requests.add(api.withJson(api.request(wan), "PUT", changes(options)).build());
        }
        if (options.reset()) {
            requests.add(api.request(URI.create(wan + "/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        if (options.blackHole() != null) {
            String seconds = BigDecimal.valueOf(options.blackHole().toMillis(), MILLIS_SCALE)
                    .stripTrailingZeros().toPlainString();
            requests.add(api.request(URI.create(wan + "/black-hole?seconds=" + seconds))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        if (requests.isEmpty()) {
            requests.add(api.request(wan).GET().build());
        }
        return requests;
    }

    private ObjectNode changes(WanCtlOptions options) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
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
}
