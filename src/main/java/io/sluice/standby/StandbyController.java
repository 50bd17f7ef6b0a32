package io.sluice.standby;

import java.util.Map;

import io.sluice.web.ApiError;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The standby's state ({@code GET /api/standby}) and its manual takeover
 * ({@code POST /api/admin/standby/activate}, behind the admin token like all of {@code /api/admin}).
 */
@RestController
@Profile("core")
public class StandbyController {

    private final StandbyCore standbyCore;
    private final CamelContext camel;

    public StandbyController(StandbyCore standbyCore, CamelContext camel) {
        this.standbyCore = standbyCore;
        this.camel = camel;
    }

    /** The state, plus how many routes run (none while passive). */
    public record StandbyView(StandbyCore.Status status, long routesStarted) {
    }

    @GetMapping("/api/standby")
    public StandbyView status() {
        return new StandbyView(standbyCore.status(), routesStarted());
    }

    @PostMapping("/api/admin/standby/activate")
    public ResponseEntity<Object> activate() {
        if (!standbyCore.status().standby()) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ApiError("not_standby", "this core is not a standby"));
        }
        try {
            boolean activated = standbyCore.activate("activated by hand (POST /api/admin/standby/activate)");
            return ResponseEntity.ok(Map.of("activated", activated, "state", standbyCore.status().state()));
        } catch (IllegalStateException starting) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ApiError("starting", starting.getMessage()));
        } catch (StandbyCore.TakeoverFailedException failed) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("takeover_failed", failed.getMessage()));
        }
    }

    private long routesStarted() {
        return camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> camel.getRouteController().getRouteStatus(id).isStarted()).count();
    }
}
