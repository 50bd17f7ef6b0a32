package io.sluice.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.sluice.link.RingController;
import io.sluice.management.ManagementProperties;
import io.sluice.management.ManagementSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * For the demo's web page, served by the core: both ends' rings side by side and the WAN simulator's
 * cut/restore switch, under one origin ({@code /api/demo/link}). Present only when the demo tells
 * the core where the edge and the WAN simulator are.
 */
@RestController
@Profile("core")
@ConditionalOnProperty("sluice.demo.wan-url")
class DemoLinkController {

    private final RestClient wan;
    private final RestClient edge;
    private final RingController core;

    DemoLinkController(@Value("${sluice.demo.wan-url}") String wanUrl, @Value("${sluice.demo.edge-url}") String edgeUrl,
                       RingController core, ManagementProperties management) {
        this.wan = RestClient.create(wanUrl);
        this.edge = edgeClient(edgeUrl, management);
        this.core = core;
    }

    /**
     * The edge's rings are an operators' view (ADR 0028): the demo's core reads them with a management login
     * of its own configuration, which the demo's edge shares (the demo's credentials). One given only as a hash
     * cannot be sent; then the page shows the edge's refusal.
     */
    private static RestClient edgeClient(String edgeUrl, ManagementProperties management) {
        RestClient.Builder edge = RestClient.builder().baseUrl(edgeUrl);
        management.users().entrySet().stream()
                .filter(login -> !ManagementSecurity.isEncoded(login.getValue().password()))
                .findFirst()
                .ifPresent(login -> edge.defaultHeaders(headers ->
                        headers.setBasicAuth(login.getKey(), login.getValue().password())));
        return edge.build();
    }

    @GetMapping("/api/demo/link")
    Map<String, Object> link() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("core", core.rings(false));
        view.put("coreLink", core.link());
        view.put("edge", fetch(edge, "/api/rings"));
        view.put("wan", fetch(wan, "/api/wan"));
        return view;
    }

    @PostMapping("/api/demo/link/cut")
    Object cut() {
        return wan.put().uri("/api/wan").contentType(MediaType.APPLICATION_JSON).body(Map.of("blackHoled", true))
                .retrieve().body(Object.class);
    }

    @PostMapping("/api/demo/link/restore")
    Object restore() {
        return wan.put().uri("/api/wan").contentType(MediaType.APPLICATION_JSON).body(Map.of("blackHoled", false))
                .retrieve().body(Object.class);
    }

    @PostMapping("/api/demo/link/reset")
    Object reset() {
        return wan.post().uri("/api/wan/reset").retrieve().body(Object.class);
    }

    /** A site that is down shows as such on the page instead of failing the whole view. */
    private static Object fetch(RestClient site, String path) {
        try {
            return site.get().uri(path).retrieve().body(Object.class);
        } catch (RuntimeException unreachable) {
            return Map.of("error", "unreachable: " + unreachable.getMessage());
        }
    }
}
