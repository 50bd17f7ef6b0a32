package io.sluice.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class StandbyCoreTest {

    /** Never fires by itself in these tests: they call check() with a clock they move. */
    private static final Duration WATCH_NEVER = Duration.ofHours(1);

    private Instant now = Instant.parse("2026-11-27T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicBoolean primaryConnected = new AtomicBoolean();
    private final AtomicInteger activations = new AtomicInteger();

    private StandbyCore standby(boolean passive, Duration takeoverAfter) {
        StandbyCore core = new StandbyCore(passive, new TakeoverRule(takeoverAfter), clock);
        core.watch(primaryConnected::get, activations::incrementAndGet, WATCH_NEVER);
        return core;
    }

    @Test
    void aPassiveStandbyActivatesWhenThePrimaryHasBeenGoneLongEnough() throws Exception {
        StandbyCore core = standby(true, Duration.ofSeconds(10));
        primaryConnected.set(true);
        core.check();
        primaryConnected.set(false);
        now = now.plusSeconds(1);
        core.check();
        now = now.plusSeconds(9);
        core.check();
        assertThat(core.isPassive()).as("gone for 9 s of 10").isTrue();
        now = now.plusSeconds(1);
        core.check();
        assertThat(core.isPassive()).isFalse();
        assertThat(activations).hasValue(1);
        assertThat(core.status().activatedAt()).isEqualTo(now);
        assertThat(core.status().primaryGoneAt()).isEqualTo(now.minusSeconds(10));
        core.close();
    }

    @Test
    void aStandbyThatNeverSawItsPrimaryStaysPassive() throws Exception {
        StandbyCore core = standby(true, Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            now = now.plusSeconds(1);
            core.check();
        }
        assertThat(core.isPassive()).isTrue();
        assertThat(activations).hasValue(0);
        core.close();
    }

    @Test
    void aManualTriggerActivatesAtOnceAndOnlyOnce() throws Exception {
        StandbyCore core = standby(true, Duration.ZERO);
        primaryConnected.set(true);
        core.check();
        assertThat(core.activate("by hand")).isTrue();
        assertThat(core.activate("by hand, again")).isFalse();
        assertThat(activations).hasValue(1);
        assertThat(core.status().activatedBy()).isEqualTo("by hand");
        core.close();
    }

    @Test
    void theMirrorIsRefusedFromTheTakeoversFirstStepWhileTheCoreIsStillPassive() throws Exception {
        StandbyCore core = new StandbyCore(true, new TakeoverRule(Duration.ofSeconds(10)), clock);
        AtomicBoolean mirrorAcceptedDuringTakeover = new AtomicBoolean(true);
        AtomicBoolean passiveDuringTakeover = new AtomicBoolean();
        core.watch(primaryConnected::get, () -> {
            mirrorAcceptedDuringTakeover.set(core.acceptsMirror());
            passiveDuringTakeover.set(core.isPassive());
        }, WATCH_NEVER);
        assertThat(core.acceptsMirror()).isTrue();

        core.activate("by hand");

        assertThat(passiveDuringTakeover).as("still passive while its steps run").isTrue();
        assertThat(mirrorAcceptedDuringTakeover).as("the mirror already refused").isFalse();
        assertThat(core.acceptsMirror()).isFalse();
        core.close();
    }

    @Test
    void aStandbyStillStartingRefusesTheManualTrigger() {
        StandbyCore core = new StandbyCore(true, new TakeoverRule(Duration.ofSeconds(10)), clock);
        assertThatThrownBy(() -> core.activate("too early")).isInstanceOf(IllegalStateException.class);
        assertThat(core.isPassive()).isTrue();
    }

    @Test
    void aFailedActivationLeavesTheStandbyPassiveToTryAgain() throws Exception {
        StandbyCore core = new StandbyCore(true, new TakeoverRule(Duration.ofSeconds(10)), clock);
        core.watch(primaryConnected::get, () -> {
            throw new IllegalStateException("port taken");
        }, WATCH_NEVER);
        assertThatThrownBy(() -> core.activate("by hand")).isInstanceOf(StandbyCore.TakeoverFailedException.class)
                .hasMessageContaining("port taken");
        assertThat(core.isPassive()).isTrue();
        assertThat(core.status().takeoverFailures()).isEqualTo(1);
        assertThat(core.status().lastTakeoverFailure()).isEqualTo("port taken");
        core.close();
    }

    @Test
    void aFailingTakeoverIsTriedAgainLessAndLessOftenAndItsHealthIsDownUntilOneSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean fits = new AtomicBoolean();
        StandbyCore core = new StandbyCore(true, new TakeoverRule(Duration.ofSeconds(10)), clock);
        core.watch(primaryConnected::get, () -> {
            attempts.incrementAndGet();
            if (!fits.get()) {
                throw new IllegalStateException("ring store mo.alpha does not fit");
            }
        }, WATCH_NEVER);
        primaryConnected.set(true);
        core.check();
        primaryConnected.set(false);
        core.check();
        now = now.plusSeconds(10);

        assertThatThrownBy(core::check).isInstanceOf(StandbyCore.TakeoverFailedException.class);
        assertThat(StandbySite.health(core.status()).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StandbySite.health(core.status()).getDetails())
                .containsEntry("lastTakeoverFailure", "ring store mo.alpha does not fit")
                .containsEntry("takeoverFailures", 1);
        // the watcher's checks every 500 ms: the next attempt 1 s after the first failure, then 2 s, then 4 s
        Instant firstFailure = now;
        for (Duration after : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(7)}) {
            int before = attempts.get();
            while (now.isBefore(firstFailure.plus(after).minusMillis(500))) {
                now = now.plusMillis(500);
                core.check();
            }
            assertThat(attempts).as("no attempt before " + after).hasValue(before);
            now = now.plusMillis(500);
            assertThatThrownBy(core::check).isInstanceOf(StandbyCore.TakeoverFailedException.class);
            assertThat(attempts).hasValue(before + 1);
        }
        assertThat(core.status().takeoverFailures()).isEqualTo(4);
        assertThat(core.status().nextTakeoverAttempt()).isEqualTo(now.plusSeconds(8));
        assertThat(core.acceptsMirror()).as("the primary's mirror stays shut out").isFalse();

        fits.set(true);
        assertThat(core.activate("by hand, after the fix")).as("by hand: at once").isTrue();
        assertThat(core.status().takeoverFailures()).isZero();
        assertThat(StandbySite.health(core.status()).getStatus()).isEqualTo(Status.UP);
        core.close();
    }

    @Test
    void aPassiveStandbyIsOutOfServiceNotDown() {
        StandbyCore core = standby(true, Duration.ofSeconds(10));
        assertThat(StandbySite.health(core.status()).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        core.close();
    }

    @Test
    void aCoreThatIsNoStandbyIsActiveFromTheStart() throws Exception {
        StandbyCore core = standby(false, Duration.ofSeconds(10));
        assertThat(core.isPassive()).isFalse();
        assertThat(core.activate("by hand")).isFalse();
        assertThat(activations).hasValue(0);
    }
}
