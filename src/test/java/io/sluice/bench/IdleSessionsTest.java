package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sluice.broker.SiteBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle sessions of measurement 6 against a real Artemis STOMP acceptor (the bare broker of
 * measurement 4, from the core's broker.xml): they connect, stay open and hear the broker's heart-beats,
 * and are counted as dropped when the broker goes; connections nobody accepts are counted as refused; a
 * peer that answers CONNECTED and then never beats leaves its sessions open but silent.
 */
class IdleSessionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Short, so that a test sees several of the broker's beats in a few seconds (Artemis' minimum is 0.5 s). */
    private static final Duration FAST_BEAT = Duration.ofSeconds(1);
    private static final List<IdleSessions.Login> LOGINS = List.of(new IdleSessions.Login("idle-1", "pw"),
            new IdleSessions.Login("idle-2", "pw"));

    @Test
    void sessionsOpenOnOneThreadHearTheBrokersBeatsAndThoseTheBrokerClosesCountAsDropped(@TempDir Path data)
            throws Exception {
        int port = BenchSites.freePort();
        SiteBroker broker = BareBroker.start(port, data);
        boolean brokerStopped = false;
        try (IdleSessions idle = new IdleSessions(port, LOGINS, FAST_BEAT)) {
            idle.growTo(40);
            IdleSessions.Counts open = idle.awaitSettled(TIMEOUT);
            assertThat(open).isEqualTo(new IdleSessions.Counts(40, 40, 0, 0, 0));
            assertThat(idle.serverHeartBeat()).matches("\\d+,\\d+");

            // three beats a session: past the two intervals after which a session without one is silent
            Polling.until(idle::heartBeatsHeard, heard -> heard >= 3 * 40, TIMEOUT);
            assertThat(idle.counts()).isEqualTo(new IdleSessions.Counts(40, 40, 0, 0, 0));
            assertThat(idle.counts().allHeld()).isTrue();

            broker.close();
            brokerStopped = true;

            IdleSessions.Counts afterStop = Polling.until(idle::counts, c -> c.dropped() == 40, TIMEOUT);
            assertThat(afterStop).isEqualTo(new IdleSessions.Counts(40, 0, 0, 40, 0));
            assertThat(afterStop.allHeld()).isFalse();
        } finally {
            if (!brokerStopped) {
                broker.close();
            }
        }
    }

    @Test
    void connectionsNobodyAcceptsCountAsRefused() throws Exception {
        try (IdleSessions idle = new IdleSessions(BenchSites.freePort(), LOGINS, FAST_BEAT)) {
            idle.growTo(3);

            assertThat(idle.awaitSettled(TIMEOUT)).isEqualTo(new IdleSessions.Counts(3, 0, 3, 0, 0));
        }
    }

    /**
     * Artemis cannot be told to stop beating while it keeps a connection, so this peer is a plain socket that
     * answers CONNECT with a CONNECTED promising beats every second, then sends nothing.
     */
    @Test
    void openSessionsThatHearNoBeatsCountAsSilent() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> answerConnectThenStayMute(mute, accepted), "mute-stomp-peer");
            acceptor.setDaemon(true);
            acceptor.start();
            try (IdleSessions idle = new IdleSessions(mute.getLocalPort(), LOGINS, FAST_BEAT)) {
                idle.growTo(5);
                assertThat(idle.awaitSettled(TIMEOUT)).isEqualTo(new IdleSessions.Counts(5, 5, 0, 0, 0));

                IdleSessions.Counts silent = Polling.until(idle::counts, c -> c.silent() == 5, TIMEOUT);

                assertThat(silent).isEqualTo(new IdleSessions.Counts(5, 5, 0, 0, 5));
                assertThat(silent.allHeld()).isFalse();
            } finally {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void theCoresBeatIntervalIsTheLargerOfWhatItOffersAndWhatTheClientAsked() {
        assertThat(IdleSessions.coreBeatInterval("500,1000", FAST_BEAT)).isEqualTo(FAST_BEAT);
        assertThat(IdleSessions.coreBeatInterval("3000,1000", FAST_BEAT)).isEqualTo(Duration.ofSeconds(3));
        assertThat(IdleSessions.coreBeatInterval("0,1000", FAST_BEAT)).isEqualTo(Duration.ZERO);
        assertThat(IdleSessions.coreBeatInterval("null", FAST_BEAT)).isEqualTo(Duration.ZERO);
    }

    private static void answerConnectThenStayMute(ServerSocket server, List<Socket> accepted) {
        byte[] connected = "CONNECTED\nversion:1.2\nheart-beat:1000,1000\n\n\0".getBytes(StandardCharsets.UTF_8);
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                InputStream in = socket.getInputStream();
                int b;
                while ((b = in.read()) > 0) {
                    // the CONNECT frame, up to its NUL
                }
                if (b == 0) {
                    socket.getOutputStream().write(connected);
                }
            } catch (IOException e) {
                return; // the server socket closed at the end of the test
            }
        }
    }
}
