package io.sluice.wan.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.wan.WanSimulator;

/**
 * Body of {@code PUT /api/wan}: any of {@code oneWayLatencyMs}, {@code jitterMs},
 * {@code bandwidthBytesPerSecond} and {@code blackHoled}; a field that is absent or null keeps its
 * value. Read by hand rather than bound to a class, so that a misspelt field is refused instead of
 * silently changing nothing, and so that the whole body is checked before anything changes.
 *
 * @param oneWayLatency null: unchanged
 * @param jitter null: unchanged
 * @param bandwidthBytesPerSecond null: unchanged; 0 removes the cap
 * @param blackHoled null: unchanged; true starts an indefinite black hole, false ends any black hole
 */
public record WanSettingsChange(Duration oneWayLatency, Duration jitter, Long bandwidthBytesPerSecond,
        Boolean blackHoled) {

    static final String LATENCY = "oneWayLatencyMs";
    static final String JITTER = "jitterMs";
    static final String BANDWIDTH = "bandwidthBytesPerSecond";
    static final String BLACK_HOLED = "blackHoled";
    private static final List<String> FIELDS = List.of(LATENCY, JITTER, BANDWIDTH, BLACK_HOLED);

    /** Reads and checks a request body; throws {@link WanApiException} naming the first problem. */
    public static WanSettingsChange parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw WanApiException.badRequest("body_not_object", "expected a JSON object with any of " + FIELDS);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw WanApiException.badRequest("field_unknown", "unknown field '" + name + "'; expected any of " + FIELDS);
            }
        }
        Long latencyMs = wholeNumber(body, LATENCY, WanSimulator.MAX_DELAY.toMillis());
        Long jitterMs = wholeNumber(body, JITTER, WanSimulator.MAX_DELAY.toMillis());
        Long bandwidth = wholeNumber(body, BANDWIDTH, Long.MAX_VALUE);
        return new WanSettingsChange(latencyMs == null ? null : Duration.ofMillis(latencyMs),
                jitterMs == null ? null : Duration.ofMillis(jitterMs), bandwidth, bool(body, BLACK_HOLED));
    }

    /** Applies the change; a black-hole change comes last, so new conditions hold when bytes flow again. */
    public void applyTo(WanSimulator wan) {
        if (oneWayLatency != null) {
            wan.setLatency(oneWayLatency);
        }
        if (jitter != null) {
            wan.setJitter(jitter);
        }
        if (bandwidthBytesPerSecond != null) {
            wan.setBandwidth(bandwidthBytesPerSecond);
        }
        if (blackHoled != null) {
            wan.blackHole(blackHoled);
        }
    }

    private static Long wholeNumber(JsonNode body, String name, long max) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > max) {
            throw WanApiException.badRequest(name + "_invalid",
                    name + " must be a whole number from 0 to " + max + ", not " + value);
        }
        return value.asLong();
    }

    private static Boolean bool(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw WanApiException.badRequest(name + "_invalid", name + " must be true or false, not " + value);
        }
        return value.asBoolean();
    }
}
