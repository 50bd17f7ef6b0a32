package io.sluice.wan.web;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.wan.WanSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of a WAN simulator, under {@code /api/wan}; documented in {@code docs/wan-simulator.md}.
 * It serves whichever {@link WanSimulator} bean the application has — the {@code wan} role's, or one
 * another role embeds — so it is not tied to a profile; without such a bean it answers 404.
 */
@RestController
@RequestMapping(path = "/api/wan", produces = MediaType.APPLICATION_JSON_VALUE)
public class WanApiController {

    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1_000);

    private final ObjectProvider<WanSimulator> simulators;

    public WanApiController(ObjectProvider<WanSimulator> simulators) {
        this.simulators = simulators;
    }

    @GetMapping
    public WanStatusResponse status() {
        return WanStatusResponse.of(simulator().status());
    }

    /** Changes the given conditions (a partial body); answers the new status. */
    @PutMapping
    public WanStatusResponse change(@RequestBody JsonNode body) {
        WanSimulator wan = simulator();
        WanSettingsChange.parse(body).applyTo(wan);
        return WanStatusResponse.of(wan.status());
    }

    /** Resets every proxied connection (TCP RST on both sides). */
    @PostMapping("/reset")
    public WanStatusResponse reset() {
        WanSimulator wan = simulator();
        wan.resetConnections();
        return WanStatusResponse.of(wan.status());
    }

    /** A black hole that ends by itself after {@code seconds} (decimals allowed: 0.5). */
    @PostMapping("/black-hole")
    public WanStatusResponse blackHole(@RequestParam String seconds) {
        WanSimulator wan = simulator();
        wan.blackHoleFor(parseSeconds(seconds));
        return WanStatusResponse.of(wan.status());
    }

    private WanSimulator simulator() {
        WanSimulator wan = simulators.getIfUnique();
        if (wan == null) {
            throw new WanApiException(HttpStatus.NOT_FOUND, "no_wan_simulator",
                    "this process runs no WAN simulator (start one with --sluice.role=wan)");
        }
        return wan;
    }

    private static Duration parseSeconds(String seconds) {
        long maxSeconds = WanSimulator.MAX_TIMED_BLACK_HOLE.toSeconds();
        try {
            BigDecimal value = new BigDecimal(seconds.trim());
            long millis = value.multiply(MILLIS_PER_SECOND).longValueExact();
            if (millis > 0 && millis <= maxSeconds * 1_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // named below
        }
        throw WanApiException.badRequest("seconds_invalid",
                "seconds must be a number above 0 and at most " + maxSeconds + " (whole milliseconds), not '"
                        + seconds + "'");
    }
}
