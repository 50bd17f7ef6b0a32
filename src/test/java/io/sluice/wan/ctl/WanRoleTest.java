package io.sluice.wan.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;
import io.sluice.SluiceApplication;
import io.sluice.wan.WanSimulator;
import io.sluice.wan.util.EchoServer;
import io.sluice.wan.util.WanClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Role {@code wan} started the way Spring Boot starts it (its yml, its settings, a real HTTP port),
 * in front of an echo server, and driven over HTTP by the {@code wan-ctl} command.
 */
@SpringBootTest(classes = SluiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sluice.role=wan", "sluice.wan.listen-port=0", "sluice.wan.one-way-latency=20ms",
                "sluice.wan.seed=42"})
@ActiveProfiles("wan")
class WanRoleTest {

    private static final EchoServer ECHO = startEcho();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    private int httpPort;
    @Autowired
    private WanSimulator wan;
    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void target(DynamicPropertyRegistry registry) {
        registry.add("sluice.wan.target-host", () -> "127.0.0.1");
        registry.add("sluice.wan.target-port", ECHO::port);
    }

    @AfterAll
    static void stopEcho() throws IOException {
        ECHO.close();
    }

    @Test
    void theRoleForwardsToItsTargetWithItsSettingsAndAnswersItsStatusOverHttp() throws Exception {
        try (WanClient client = new WanClient(wan.port())) {
            assertThat(client.roundTrip()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/wan")).timeout(HTTP_TIMEOUT)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("oneWayLatencyMs").asLong()).isEqualTo(20);
        assertThat(json.readTree(response.body()).path("seed").asLong()).isEqualTo(42);
        assertThat(json.readTree(response.body()).path("connectionsAccepted").asLong()).isPositive();
    }

    @Test
    void wanCtlChangesTheRunningSimulatorAndPrintsItsStatus() {
        CommandOutcome changed = ctl("--latency=150ms", "--jitter=10ms", "--bandwidth=100000");

        assertThat(changed.exitCode()).isZero();
        assertThat(changed.message()).contains("150 ms one way, jitter +/- 10 ms").contains("100000 bytes/s");
        assertThat(wan.status().oneWayLatency()).isEqualTo(Duration.ofMillis(150));
        assertThat(wan.status().bandwidthBytesPerSecond()).isEqualTo(100_000);

        CommandOutcome cut = ctl("--reset", "--black-hole=10s");
        assertThat(cut.exitCode()).isZero();
        assertThat(cut.message()).contains("BLACK HOLE, ends in");
        assertThat(wan.status().blackHoled()).isTrue();

        CommandOutcome restored = ctl("--restore", "--latency=20ms", "--jitter=0ms", "--bandwidth=0");
        assertThat(restored.exitCode()).isZero();
        assertThat(restored.message()).contains("link:        up");
        await().atMost(Duration.ofSeconds(5)).until(() -> !wan.status().blackHoled());
    }

    @Test
    void wanCtlNamesARefusal() {
        CommandOutcome outcome = ctl("--latency=2h");

        assertThat(outcome.exitCode()).isEqualTo(CommandOutcome.EXIT_REJECTED);
        assertThat(outcome.message()).startsWith("rejected (oneWayLatencyMs_invalid)");
    }

    private CommandOutcome ctl(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--wan-url=http://127.0.0.1:" + httpPort;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new WanCtlCommand(new RestClient(HttpClient.newHttpClient(), json, HTTP_TIMEOUT, "the WAN simulator"))
                .run(WanCtlOptions.from(new DefaultApplicationArguments(all)));
    }

    private static EchoServer startEcho() {
        try {
            return new EchoServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
