package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import io.sluice.wan.util.EchoServer;
import io.sluice.wan.util.WanClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A black hole drops bytes, holds new connections, and resets the connections it cut a hole in. */
class WanBlackHoleTest {

    /** How long "nothing arrives" is watched; longer than any delay these tests configure. */
    private static final Duration NOTHING_ARRIVES = Duration.ofMillis(300);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** Shorter than {@link #NOTHING_ARRIVES}: bytes in flight would arrive while we watch. */
    private static final Duration IN_FLIGHT_LATENCY = Duration.ofMillis(200);

    private final EchoServer echo;
    private final WanSimulator wan;

    WanBlackHoleTest() throws IOException {
        echo = new EchoServer();
        wan = new WanSimulator(WanProperties.forTarget("127.0.0.1", echo.port()));
        wan.start();
    }

    @AfterEach
    void stop() throws IOException {
        wan.close();
        echo.close();
    }

    @Test
    void bytesSentIntoABlackHoleNeverArriveAndTheirConnectionIsResetWhenItEnds() throws IOException {
        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();
            long before = echo.received();

            wan.blackHole(true);
            client.send(new byte[] {1, 2, 3, 4, 5});

            assertNothingArrivesAtTheTarget(before);
            assertThat(wan.status().blackHoled()).isTrue();
            assertThat(wan.status().bytesDropped()).isEqualTo(5);

            wan.blackHole(false);

            assertThat(client.awaitEnd()).isEqualTo(WanClient.Ending.RESET);
        }
        assertThat(wan.status().connectionsReset()).isEqualTo(1);
        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();
        }
    }

    @Test
    void anIdleConnectionLivesThroughABlackHole() throws IOException {
        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();

            wan.blackHole(true);
            wan.blackHole(false);

            client.roundTrip();
        }
        assertThat(wan.status().connectionsReset()).isZero();
    }

    @Test
    void bytesInFlightWhenABlackHoleBeginsAreLost() throws IOException {
        wan.setLatency(IN_FLIGHT_LATENCY);
        try (WanClient client = new WanClient(wan.port())) {
            client.roundTrip();
            long before = echo.received();

            client.send(new byte[] {1, 2, 3});
            // poll fast: the black hole must begin well before the bytes are due at the target
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(SETTLE)
                    .until(() -> wan.status().bytesInFlight() == 3);
            wan.blackHole(true);

            assertNothingArrivesAtTheTarget(before);
            assertThat(wan.status().bytesDropped()).isEqualTo(3);
            assertThat(wan.status().bytesClientToTarget()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionOpenedInABlackHoleIsHeldAndDialledThroughWhenItEnds() throws IOException {
        wan.blackHole(true);
        try (WanClient client = new WanClient(wan.port())) {
            client.send(new byte[] {9});

            await().during(NOTHING_ARRIVES).atMost(NOTHING_ARRIVES.multipliedBy(3)).until(() -> echo.accepted() == 0);
            assertThat(wan.status().openConnections()).isEqualTo(1);

            wan.blackHole(false);

            assertThat(client.receive(1)).containsExactly(9);
        }
    }

    @Test
    void aTimedBlackHoleEndsByItself() {
        wan.blackHoleFor(Duration.ofMillis(300));

        WanStatus during = wan.status();
        assertThat(during.blackHoled()).isTrue();
        assertThat(during.blackHoleRemaining()).isPositive();

        await().atMost(SETTLE).until(() -> !wan.status().blackHoled());
        assertThat(wan.status().blackHoleRemaining()).isZero();
    }

    @Test
    void restoringCancelsATimedBlackHoleAndALaterOneIsNotEndedByTheOldTimer() {
        wan.blackHoleFor(Duration.ofMillis(200));
        wan.blackHole(false);
        assertThat(wan.status().blackHoled()).isFalse();
        assertThat(wan.status().blackHoleRemaining()).isZero();

        wan.blackHole(true);

        await().during(NOTHING_ARRIVES.plusMillis(200)).atMost(SETTLE).until(() -> wan.status().blackHoled());
    }

    @Test
    void aBlackHoleLastsAPositiveTime() {
        assertThatThrownBy(() -> wan.blackHoleFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertNothingArrivesAtTheTarget(long receivedBefore) {
        await().during(NOTHING_ARRIVES).atMost(NOTHING_ARRIVES.multipliedBy(3))
                .until(() -> echo.received() == receivedBefore);
    }
}
