package io.sluice.core;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the web chat page where the STOMP WebSocket is. */
@RestController
@Profile("core")
class ClientConfigController {

    private final CoreProperties core;

    ClientConfigController(CoreProperties core) {
        this.core = core;
    }

    @GetMapping("/api/client-config")
    Map<String, String> clientConfig() {
        return Map.of(
                "stompWebSocketUrl", "ws://" + core.publicHost() + ":" + core.stompPort(),
                "serviceName", "Sluice",
                "serviceNumber", core.serviceNumber());
    }
}
