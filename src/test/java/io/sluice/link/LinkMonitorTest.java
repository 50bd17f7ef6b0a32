package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.sluice.testsupport.MutableClock;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class LinkMonitorTest {

    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-27T10:00:00Z"));
    private final LinkMonitor monitor = new LinkMonitor(Duration.ofSeconds(5), clock);

    @Test
    void theFirstHeartBeatAfterAnExtendedInterruptionIsAReconnection() {
        assertThat(monitor.heard("alpha")).as("the first since start").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.heard("alpha")).isFalse();
        clock.advance(Duration.ofSeconds(6));
        monitor.check();
        assertThat(monitor.state("alpha").up()).isFalse();
        assertThat(monitor.heard("alpha")).isTrue();
        assertThat(monitor.state("alpha").interruptions()).isEqualTo(1);
    }

    @Test
    void aReconnectionWhoseBatchRolledBackIsAReconnectionAgainWhenRedelivered() {
        monitor.heard("alpha");
        Exchange heartbeat = new DefaultExchange(new DefaultCamelContext());
        heartbeat.setProperty(LinkHeaders.RECONNECTED_PROPERTY, "alpha");
        Exchange report = new DefaultExchange(new DefaultCamelContext());

        monitor.rolledBack(List.of(report, heartbeat));

        assertThat(monitor.heard("alpha")).as("its replay was rolled back: it is owed again").isTrue();
        assertThat(monitor.state("alpha").interruptions()).as("no new interruption counted").isZero();
    }

    @Test
    void aRollbackWithoutAReconnectionLeavesTheLinkUp() {
        monitor.heard("alpha");
        monitor.rolledBack(List.of(new DefaultExchange(new DefaultCamelContext())));
        assertThat(monitor.heard("alpha")).isFalse();
    }
}
