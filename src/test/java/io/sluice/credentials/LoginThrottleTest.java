package io.sluice.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.sluice.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** How long password guessing is held off (ADR 0030). */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.10";
    private static final String ELSEWHERE = "192.0.2.20";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T22:00:00Z"));
    private final LoginThrottle throttle = LoginThrottle.byLoginAndAddress(clock);

    @Test
    void fiveFailuresInAMinuteHoldTheLoginOffFromThatAddressUntilTheFirstIsAMinuteOld() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_LOGIN - 1; i++) {
            throttle.failed("ops", HOME);
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(throttle.refusedFor("ops", HOME)).as("four failures").isZero();
        throttle.failed("ops", HOME); // at 20 s; the first was at 0 s

        assertThat(throttle.refusedFor("ops", HOME)).isEqualTo(Duration.ofSeconds(40));
        assertThat(throttle.refusedFor("ops", ELSEWHERE)).as("another address").isZero();
        assertThat(throttle.refusedFor("admin", HOME)).as("another login").isZero();
        clock.advance(Duration.ofSeconds(40));
        assertThat(throttle.refusedFor("ops", HOME)).as("the first failure left the window").isZero();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteNeverHoldOff() {
        for (int i = 0; i < 3 * LoginThrottle.FAILURES_PER_LOGIN; i++) {
            throttle.failed("ops", HOME);
            assertThat(throttle.refusedFor("ops", HOME)).isZero();
            clock.advance(Duration.ofSeconds(16)); // 4 within any minute
        }
    }

    @Test
    void aSuccessStartsTheLoginAfresh() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_LOGIN - 1; i++) {
            throttle.failed("ops", HOME);
        }
        throttle.succeeded("ops", HOME);
        throttle.failed("ops", HOME);

        assertThat(throttle.refusedFor("ops", HOME)).isZero();
    }

    @Test
    void manyLoginsGuessedFromOneAddressHoldThatAddressOffForEveryLogin() {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, HOME);
        }

        assertThat(throttle.refusedFor("ops", HOME)).isPositive();
        assertThat(throttle.refusedFor("ops", ELSEWHERE)).isZero();
    }

    @Test
    void perLoginOnlyManyLoginsGuessedFromOneAddressHoldOffOnlyThemselves() {
        LoginThrottle chat = LoginThrottle.byLogin(clock);
        for (int i = 0; i < LoginThrottle.FAILURES_PER_ADDRESS; i++) {
            for (int j = 0; j < LoginThrottle.FAILURES_PER_LOGIN; j++) {
                chat.failed("guess-" + i, HOME);
            }
        }

        assertThat(chat.refusedFor("guess-0", HOME)).isPositive();
        assertThat(chat.refusedFor("alice", HOME)).as("another user behind the same proxy").isZero();
    }

    @Test
    void overlongLoginsAreCountedUnderTheirFirstCharactersAndKeepNoMoreThanThose() {
        String prefix = "x".repeat(LoginThrottle.LONGEST_LOGIN);
        for (int i = 0; i < LoginThrottle.FAILURES_PER_LOGIN; i++) {
            throttle.failed(prefix + "-guess-" + i + "-" + "y".repeat(60_000), ELSEWHERE);
        }

        assertThat(throttle.refusedFor(prefix + "-another", ELSEWHERE)).isPositive();
        assertThat(throttle.refusedFor("ops", ELSEWHERE)).isZero();
    }
}
