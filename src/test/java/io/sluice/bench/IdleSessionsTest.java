package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.sluice.broker.SiteBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle sessions of measurement 6 against a real Artemis STOMP acceptor (the bare broker of
 * measurement 4, from the core's broker.xml): they connect, stay open, and are counted as dropped when
 * the broker goes; connections nobody accepts are counted as refused.
 */
class IdleSessionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<IdleSessions.Login> LOGINS = List.of(new IdleSessions.Login("idle-1", "pw"),
            new IdleSessions.Login("idle-2", "pw"));

    @Test
    void sessionsOpenOnOneThreadAndThoseTheBrokerCloseCountAsDropped(@TempDir Path data) throws Exception {
        int port = BenchSites.freePort();
        SiteBroker broker = BareBroker.start(port, data);
        boolean brokerStopped = false;
        try (IdleSessions idle = new IdleSessions(port, LOGINS)) {
            idle.growTo(40);
            IdleSessions.Counts open = idle.awaitSettled(TIMEOUT);
            assertThat(open).isEqualTo(new IdleSessions.Counts(40, 40, 0, 0));
            assertThat(idle.serverHeartBeat()).matches("\\d+,\\d+");

            broker.close();
            brokerStopped = true;

            IdleSessions.Counts afterStop = Polling.until(idle::counts, c -> c.dropped() == 40, TIMEOUT);
            assertThat(afterStop).isEqualTo(new IdleSessions.Counts(40, 0, 0, 40));
        } finally {
            if (!brokerStopped) {
                broker.close();
            }
        }
    }

    @Test
    void connectionsNobodyAcceptsCountAsRefused() throws Exception {
        try (IdleSessions idle = new IdleSessions(BenchSites.freePort(), LOGINS)) {
            idle.growTo(3);

            assertThat(idle.awaitSettled(TIMEOUT)).isEqualTo(new IdleSessions.Counts(3, 0, 3, 0));
        }
    }
}
