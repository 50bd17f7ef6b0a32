package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    @Test
    void aHeartBeatArrivingWhileTheTimerJudgesTheSilenceEndsTheInterruptionOnce() throws Exception {
        PausingClock pausing = new PausingClock(java.time.Instant.parse("2026-11-27T10:00:00Z"));
        LinkMonitor raced = new LinkMonitor(Duration.ofSeconds(5), pausing);
        raced.heard("alpha");
        pausing.now = pausing.now.plusSeconds(6); // silent for longer than the threshold
        Thread timer = new Thread(() -> {
            pausing.pauseThisThread();
            raced.check(); // reads "up", then the clock, where it waits for the heart-beat below
        });
        timer.start();
        assertThat(pausing.paused.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> beat = CompletableFuture.supplyAsync(() -> raced.heard("alpha"));
        try {
            beat.get(300, TimeUnit.MILLISECONDS); // without the lock it overtakes the timer's check
        } catch (java.util.concurrent.TimeoutException waitingForTheTimer) {
            // with it, it waits until the check is done
        }
        pausing.resume.countDown();
        timer.join(5_000);

        assertThat(beat.get(5, TimeUnit.SECONDS)).as("the beat ends the interruption").isTrue();
        assertThat(raced.state("alpha").up()).as("a beat just heard leaves the link up").isTrue();
        assertThat(raced.state("alpha").interruptions()).isEqualTo(1);
        assertThat(raced.heard("alpha")).as("the next beat replays nothing").isFalse();
    }

    /** A clock that, asked by one chosen thread, waits there until told to go on. */
    private static final class PausingClock extends java.time.Clock {
        volatile java.time.Instant now;
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private volatile Thread pausing;

        PausingClock(java.time.Instant now) {
            this.now = now;
        }

        void pauseThisThread() {
            pausing = Thread.currentThread();
        }

        @Override
        public java.time.Instant instant() {
            if (Thread.currentThread() == pausing) {
                pausing = null;
                paused.countDown();
                try {
                    resume.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
