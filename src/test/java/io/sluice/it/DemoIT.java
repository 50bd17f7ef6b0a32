package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sluice.Role;
import io.sluice.demo.RoleProcess;
import org.junit.jupiter.api.Test;

/** The demo role starts every site as a child process and serves the pages its banner lists. */
class DemoIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDemoStartsAllSitesAndServesItsPages() throws Exception {
        int coreHttp = FreePorts.next();
        int edgeHttp = FreePorts.next();
        int emulatorHttp = FreePorts.next();
        int stomp = FreePorts.next();
        Path data = Path.of("target", "it-sites", "demo-" + ProcessHandle.current().pid()).toAbsolutePath();
        List<String> arguments = List.of(
                "--sluice.data-dir=" + data,
                "--sluice.demo.core-http-port=" + coreHttp,
                "--sluice.demo.edge-http-port=" + edgeHttp,
                "--sluice.demo.emulator-http-port=" + emulatorHttp,
                "--sluice.demo.stomp-port=" + stomp,
                "--sluice.demo.edge-link-port=" + FreePorts.next(),
                "--sluice.demo.smpp-port=" + FreePorts.next(),
                "--sluice.demo.cimd2-port=" + FreePorts.next(),
                "--sluice.demo.wan-http-port=" + FreePorts.next(),
                "--sluice.demo.wan-port=" + FreePorts.next());
        Path log = data.resolve("demo.log");
        try (RoleProcess demo = SiteJvm.start(Role.DEMO, FreePorts.next(), arguments, log)) {
            await().atMost(SluiceSites.STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> !demo.isAlive() || Files.readString(log).contains("Sluice demo is running"));
            assertThat(demo.isAlive()).as("demo alive; see %s", log).isTrue();

            assertThat(get("http://127.0.0.1:" + coreHttp + "/")).contains("Sluice");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/api/client-config")).contains("ws://");
            assertThat(get("http://127.0.0.1:" + emulatorHttp + "/")).containsIgnoringCase("phone");
            // the console needs the demo's login (ADR 0017), which the banner prints
            assertThat(status("http://127.0.0.1:" + coreHttp + "/actuator/jolokia/version")).isEqualTo(401);
            assertThat(Files.readString(log)).contains("operator/demo-operator-pw");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/actuator/hawtio/", ManagementLogin.OPERATOR))
                    .containsIgnoringCase("hawtio");
            assertThat(get("http://127.0.0.1:" + coreHttp
                    + "/actuator/jolokia/search/org.apache.activemq.artemis:broker=*", ManagementLogin.OPERATOR))
                    .contains("sluice-core");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/actuator/jolokia/search/io.sluice:type=Ring,*",
                    ManagementLogin.OPERATOR)).contains("mt.alpha").contains("mo.alpha");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/api/demo/link")).contains("\"edge\"").contains("oneWayLatencyMs");
            // ready means bound to the SMSC (ADR 0010); the demo waited for readiness, so the bind is up
            assertThat(get("http://127.0.0.1:" + edgeHttp + "/actuator/health/readiness"))
                    .contains("\"status\":\"UP\"").contains("\"smsc\"").contains("BOUND_TRX");
            // the edge dials the core through the WAN simulator, which may have accepted and hung up while the
            // core was still starting: the link must come up anyway (BrokerConnectionWatchdog), and with it
            // the edge's whole health, and then the core's heart-beats (a second or so after the connection)
            await().atMost(SluiceSites.STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> status("http://127.0.0.1:" + edgeHttp + "/actuator/health") == 200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get("http://127.0.0.1:" + edgeHttp + "/actuator/health").contains("\"heartbeats\":\"arriving\""));
            assertThat(get("http://127.0.0.1:" + edgeHttp + "/actuator/health")).contains("\"coreLink\":{\"status\":\"UP\"");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/actuator/health/readiness")).contains("\"brokerPaging\"");
            assertThat(get("http://127.0.0.1:" + coreHttp + "/actuator/prometheus"))
                    .contains("sluice_ring_occupancy{").contains("role=\"core\"").contains("sluice_link_interruptions_total");
            assertThat(get("http://127.0.0.1:" + edgeHttp + "/actuator/prometheus"))
                    .contains("sluice_ring_occupancy{").contains("role=\"edge\"").contains("sluice_ring_pointer{");
            assertThat(Files.readString(log)).contains("http://localhost:" + coreHttp + "/");
        }
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String get(String url) throws Exception {
        return get(url, null);
    }

    private String get(String url, ManagementLogin login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (login != null) {
            request.header("Authorization", login.authorization());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
