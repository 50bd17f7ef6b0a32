package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.sluice.wan.util.EchoServer;
import io.sluice.wan.util.WanClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator between a client and an echo server, all on 127.0.0.1 and free ports. */
class WanSimulatorTest {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final EchoServer echo;
    private WanSimulator wan;

    WanSimulatorTest() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (wan != null) {
            wan.close();
        }
        echo.close();
    }

    @Test
    void aLargeRandomPayloadArrivesIntactAndInOrderBothWaysUnderLatencyAndJitter() throws Exception {
        // jitter as large as the latency: without the delay line's ordering, chunks would overtake
        start(new WanProperties("127.0.0.1", 0, "127.0.0.1", echo.port(), Duration.ofMillis(3),
                Duration.ofMillis(3), 0, 42L));
        byte[] payload = new byte[2 * 1024 * 1024];
        Random random = new Random(1);
        random.nextBytes(payload);

        try (WanClient client = new WanClient(wan.port())) {
            CompletableFuture<Void> sending = sendInRandomPieces(client, payload, random);
            byte[] echoed = client.receive(payload.length);
            sending.join();

            assertThat(Arrays.equals(echoed, payload)).as("echoed bytes equal the payload").isTrue();
        }
        await().atMost(SETTLE).untilAsserted(() -> {
            WanStatus status = wan.status();
            assertThat(status.bytesClientToTarget()).isEqualTo(payload.length);
            assertThat(status.bytesTargetToClient()).isEqualTo(payload.length);
        });
    }

    @Test
    void aRoundTripTakesAtLeastTwiceTheOneWayLatencyAndANewLatencyAppliesAtOnce() throws IOException {
        start(withLatency(Duration.ofMillis(100)));

        try (WanClient client = new WanClient(wan.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.roundTrip()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
            wan.setLatency(Duration.ofMillis(150));
            assertThat(client.roundTrip()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aTransferUnderABandwidthCapTakesAtLeastItsSizeOverTheRate() throws Exception {
        long rate = 100_000;
        start(WanProperties.forTarget("127.0.0.1", echo.port()));
        wan.setBandwidth(rate);
        byte[] payload = new byte[60_000];
        new Random(2).nextBytes(payload);

        try (WanClient client = new WanClient(wan.port())) {
            long start = System.nanoTime();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(client, payload));
            byte[] echoed = client.receive(payload.length);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            sending.join();

            assertThat(echoed).isEqualTo(payload);
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(payload.length * 1_000L / rate));
        }
    }

    @Test
    void resetSendsAnRstToBothSidesAndNewConnectionsStillWork() throws IOException {
        start(WanProperties.forTarget("127.0.0.1", echo.port()));
        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();

            assertThat(wan.resetConnections()).isEqualTo(1);

            assertThat(client.awaitEnd()).isEqualTo(WanClient.Ending.RESET);
            await().atMost(SETTLE).until(() -> echo.endedByReset() == 1);
        }
        assertThat(wan.status().connectionsReset()).isEqualTo(1);
        assertThat(wan.status().openConnections()).isZero();

        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();
        }
    }

    @Test
    void statusCountsConnectionsAndBytesAndAGracefulCloseGoesThrough() throws IOException {
        start(withLatency(Duration.ofMillis(20)));
        try (WanClient first = new WanClient(wan.port()); WanClient second = new WanClient(wan.port())) {
            first.send(new byte[10]);
            second.send(new byte[7]);
            first.receive(10);
            second.receive(7);
            assertThat(wan.status().openConnections()).isEqualTo(2);

            first.shutdownOutput(); // the FIN travels the delayed path; the echo server then closes
            second.shutdownOutput();

            assertThat(first.awaitEnd()).isEqualTo(WanClient.Ending.EOF);
            assertThat(second.awaitEnd()).isEqualTo(WanClient.Ending.EOF);
        }
        await().atMost(SETTLE).untilAsserted(() -> {
            WanStatus status = wan.status();
            assertThat(status.openConnections()).isZero();
            assertThat(status.connectionsAccepted()).isEqualTo(2);
            assertThat(status.connectionsReset()).isZero();
            assertThat(status.bytesClientToTarget()).isEqualTo(17);
            assertThat(status.bytesTargetToClient()).isEqualTo(17);
            assertThat(status.bytesDropped()).isZero();
        });
        assertThat(echo.endedByEof()).isEqualTo(2);
    }

    @Test
    void aClientIsResetWhenTheTargetRefuses() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        start(WanProperties.forTarget("127.0.0.1", closedPort));

        try (WanClient client = new WanClient(wan.port())) {
            assertThat(client.awaitEnd()).isEqualTo(WanClient.Ending.RESET);
        }
    }

    @Test
    void conditionsChangeAtRunTimeAndShowInTheStatus() throws IOException {
        start(new WanProperties("127.0.0.1", 0, "127.0.0.1", echo.port(), Duration.ofMillis(5), Duration.ZERO, 0, 7L));

        wan.setLatency(Duration.ofMillis(150));
        wan.setJitter(Duration.ofMillis(10));
        wan.setBandwidth(100_000);

        WanStatus status = wan.status();
        assertThat(status.oneWayLatency()).isEqualTo(Duration.ofMillis(150));
        assertThat(status.jitter()).isEqualTo(Duration.ofMillis(10));
        assertThat(status.bandwidthBytesPerSecond()).isEqualTo(100_000);
        assertThat(status.blackHoled()).isFalse();
        assertThat(status.seed()).isEqualTo(7);
        assertThatThrownBy(() -> wan.setLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wan.setBandwidth(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortIsOnlyKnownOnceStarted() {
        wan = new WanSimulator(WanProperties.forTarget("127.0.0.1", echo.port()));

        assertThatThrownBy(wan::port).isInstanceOf(IllegalStateException.class);
    }

    private void start(WanProperties properties) throws IOException {
        wan = new WanSimulator(properties);
        wan.start();
    }

    private WanProperties withLatency(Duration latency) {
        return new WanProperties("127.0.0.1", 0, "127.0.0.1", echo.port(), latency, Duration.ZERO, 0, null);
    }

    private static CompletableFuture<Void> sendInRandomPieces(WanClient client, byte[] payload, Random random) {
        int[] cuts = random.ints(payload.length / 4_096, 0, payload.length).sorted().toArray();
        return CompletableFuture.runAsync(() -> {
            int from = 0;
            for (int cut : cuts) {
                send(client, Arrays.copyOfRange(payload, from, cut));
                from = cut;
            }
            send(client, Arrays.copyOfRange(payload, from, payload.length));
        });
    }

    private static void send(WanClient client, byte[] bytes) {
        try {
            client.send(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
