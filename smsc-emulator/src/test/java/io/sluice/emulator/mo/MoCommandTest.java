package io.sluice.emulator.mo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mo role's client against a stand-in emulator API. */
class MoCommandTest {

    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final MoCommand command = new MoCommand(
            new RestClient(HttpClient.newHttpClient(), new ObjectMapper(), Duration.ofSeconds(5), "the SMSC emulator"));
    private HttpServer emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.stop(0);
        }
    }

    @Test
    void acceptedMessagePrintsItsIdAndExitsZero() throws IOException {
        URI url = emulatorAnswering(202, "{\"id\":\"66A1B2\"}");

        CommandOutcome outcome = command.run(new MoOptions("+447700900123", null, "hello", url, false));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.message()).isEqualTo("66A1B2");
        assertThat(receivedBody.get()).contains("\"from\":\"+447700900123\"").contains("\"text\":\"hello\"");
    }

    @Test
    void rejectedMessagePrintsTheReasonAndExitsThree() throws IOException {
        URI url = emulatorAnswering(400, "{\"error\":\"from_not_e164\",\"message\":\"from must be E.164\"}");

        CommandOutcome outcome = command.run(new MoOptions("0044", null, "hello", url, false));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).startsWith("rejected (from_not_e164): from must be E.164");
    }

    @Test
    void noEmulatorListeningExitsFour() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        CommandOutcome outcome = command.run(
                new MoOptions("+447700900123", null, "hello", URI.create("http://localhost:" + closedPort + "/"), false));

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.message()).startsWith("cannot reach the SMSC emulator at http://localhost:" + closedPort + "/api/mo");
    }

    private URI emulatorAnswering(int status, String body) throws IOException {
        emulator = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        emulator.createContext("/api/mo", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                receivedBody.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        emulator.start();
        return URI.create("http://localhost:" + emulator.getAddress().getPort() + "/");
    }
}
