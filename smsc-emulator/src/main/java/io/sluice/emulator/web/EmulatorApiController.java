package io.sluice.emulator.web;

import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.handset.HandsetSummary;
import io.sluice.emulator.handset.HandsetView;
import io.sluice.emulator.traffic.StatsSnapshot;
import io.sluice.emulator.traffic.TrafficRecord;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's REST API: counters, recorded PDUs, handsets, and a way for a person or a test to
 * send an SMS from a phone. Documented in {@code smsc-emulator/README.md}.
 */
@RestController
@Profile("smsc-emulator")
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmulatorApiController {

    static final String DEFAULT_TRAFFIC_LIMIT = "100";

    private final SmscEmulator emulator;

    public EmulatorApiController(SmscEmulator emulator) {
        this.emulator = emulator;
    }

    @GetMapping("/stats")
    public StatsSnapshot stats() {
        return emulator.stats();
    }

    /** The newest {@code limit} PDUs, oldest first. */
    @GetMapping("/traffic")
    public ResponseEntity<?> traffic(@RequestParam(defaultValue = DEFAULT_TRAFFIC_LIMIT) int limit) {
        if (limit < 1) {
            return ResponseEntity.badRequest().body(new ApiError("limit_invalid", "limit must be at least 1"));
        }
        List<TrafficRecord> records = emulator.traffic(limit);
        return ResponseEntity.ok(records);
    }

    @GetMapping("/handsets")
    public List<HandsetSummary> handsets() {
        return emulator.handsets();
    }

    /** Any number has a handset; one that has not sent or received anything yet is simply empty. */
    @GetMapping("/handsets/{number}")
    public HandsetView handset(@PathVariable String number) {
        return emulator.handset(number);
    }

    @PostMapping("/mo")
    public ResponseEntity<MoAccepted> originateMo(@RequestBody MoRequest request) {
        String id = emulator.originateMo(request.from(), request.to(), request.text(), request.shuffled());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MoAccepted(id));
    }

    /** For a while every submit is refused with one status: a throttling storm, a full queue. */
    @PostMapping("/faults/refusal")
    public ResponseEntity<?> refuseSubmits(@RequestBody RefusalRequest request) {
        var status = request.commandStatus();
        if (status.isEmpty()) {
            return ResponseEntity.badRequest().body(new ApiError("status_invalid",
                    "status must be an SMPP command_status other than ESME_ROK, by name (ESME_RMSGQFUL) or number (0x14)"));
        }
        var period = request.period();
        if (period.isEmpty()) {
            return ResponseEntity.badRequest().body(new ApiError("duration_invalid",
                    "duration must be a positive duration such as 60s or PT1M"));
        }
        emulator.faults().refuseSubmits(status.get(), period.get());
        return ResponseEntity.noContent().build();
    }

    /** Ends a refusal period early. */
    @DeleteMapping("/faults/refusal")
    public ResponseEntity<Void> stopRefusing() {
        emulator.faults().stopRefusing();
        return ResponseEntity.noContent().build();
    }

    /** The SMPP sessions bound now stop answering enquire_link; their TCP connections stay open. */
    @PostMapping("/faults/ignore-enquire-link")
    public Map<String, Integer> ignoreEnquireLinks() {
        return Map.of("sessions", emulator.ignoreEnquireLinks());
    }

    /** Clears counters, recorded traffic and handsets (tests, benchmarks). */
    @PostMapping("/reset")
    public ResponseEntity<Void> reset() {
        emulator.reset();
        return ResponseEntity.noContent().build();
    }
}
