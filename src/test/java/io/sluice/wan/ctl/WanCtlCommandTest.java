package io.sluice.wan.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The wan-ctl client against a stand-in simulator API that records what it is asked. */
class WanCtlCommandTest {

    private static final String STATUS = "{\"oneWayLatencyMs\":150,\"jitterMs\":10,\"bandwidthBytesPerSecond\":100000,"
            + "\"blackHoled\":true,\"blackHoleRemainingMs\":9500,\"openConnections\":1,\"connectionsAccepted\":3,"
            + "\"connectionsReset\":2,\"bytesClientToTarget\":1234,\"bytesTargetToClient\":5678,\"bytesInFlight\":12,"
            + "\"bytesDropped\":34,\"seed\":42}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final WanCtlCommand command = new WanCtlCommand(
            new RestClient(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(5), "the WAN simulator"));
    private HttpServer simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop(0);
        }
    }

    @Test
    void withoutChangesItOnlyReadsAndPrintsTheStatus() throws IOException {
        URI url = simulatorAnswering(200, STATUS);

        CommandOutcome outcome = command.run(options(url));

        assertThat(outcome.exitCode()).isZero();
        assertThat(requests).containsExactly("GET /api/wan ");
        assertThat(outcome.message())
                .contains("link:        BLACK HOLE, ends in 9.5 s")
                .contains("latency:     150 ms one way, jitter +/- 10 ms")
                .contains("bandwidth:   100000 bytes/s per direction")
                .contains("connections: 1 open, 3 accepted, 2 reset")
                .contains("bytes:       1234 client->target, 5678 target->client, 12 in flight, 34 dropped");
    }

    @Test
    void settingsThenResetThenBlackHoleAreSentInThatOrder() throws IOException {
        URI url = simulatorAnswering(200, STATUS);

        CommandOutcome outcome = command.run(options(url, "--latency=150ms", "--jitter=10ms",
                "--bandwidth=100000", "--reset", "--black-hole=2500ms"));

        assertThat(outcome.exitCode()).isZero();
        assertThat(requests).containsExactly(
                "PUT /api/wan {\"oneWayLatencyMs\":150,\"jitterMs\":10,\"bandwidthBytesPerSecond\":100000}",
                "POST /api/wan/reset ",
                "POST /api/wan/black-hole?seconds=2.5 ");
    }

    @Test
    void restoreEndsTheBlackHole() throws IOException {
        URI url = simulatorAnswering(200, STATUS);

        command.run(options(url, "--restore"));

        assertThat(requests).containsExactly("PUT /api/wan {\"blackHoled\":false}");
    }

    @Test
    void aRefusalPrintsTheReasonAndExitsThree() throws IOException {
        URI url = simulatorAnswering(400, "{\"error\":\"oneWayLatencyMs_invalid\",\"message\":\"too long\"}");

        CommandOutcome outcome = command.run(options(url, "--latency=2h", "--reset"));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).isEqualTo("rejected (oneWayLatencyMs_invalid): too long");
        assertThat(requests).as("nothing after the refused request").hasSize(1);
    }

    @Test
    void aProcessWithoutSimulatorExitsFour() throws IOException {
        URI url = simulatorAnswering(404, "<html>not found</html>");

        assertThat(command.run(options(url)).exitCode()).isEqualTo(4);
    }

    @Test
    void noSimulatorListeningExitsFour() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        CommandOutcome outcome = command.run(options(URI.create("http://127.0.0.1:" + closedPort)));

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.message()).startsWith("cannot reach the WAN simulator at http://127.0.0.1:" + closedPort
                + "/api/wan");
    }

    private static WanCtlOptions options(URI url, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--wan-url=" + url;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return WanCtlOptions.from(new DefaultApplicationArguments(all));
    }

    private URI simulatorAnswering(int status, String body) throws IOException {
        simulator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        simulator.createContext("/api/wan", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String query = exchange.getRequestURI().getRawQuery();
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                        + (query == null ? "" : "?" + query) + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        simulator.start();
        return URI.create("http://127.0.0.1:" + simulator.getAddress().getPort());
    }
}
