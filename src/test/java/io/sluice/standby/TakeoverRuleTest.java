package io.sluice.standby;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TakeoverRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final TakeoverRule rule = new TakeoverRule(Duration.ofSeconds(10));

    @Test
    void takesOverOnceThePrimaryHasBeenGoneForTheWholeDelay() {
        assertThat(rule.observe(true, T0)).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(1))).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(10))).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(11))).isTrue();
        assertThat(rule.absentSince()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void neverTakesOverForAPrimaryItNeverSaw() {
        assertThat(rule.observe(false, T0)).isFalse();
        assertThat(rule.observe(false, T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(rule.primarySeen()).isFalse();
        assertThat(rule.absentSince()).isNull();
    }

    @Test
    void aPrimaryThatComesBackInTimeStartsTheDelayAgain() {
        rule.observe(true, T0);
        rule.observe(false, T0.plusSeconds(1));
        assertThat(rule.observe(true, T0.plusSeconds(9))).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(12))).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(21))).isFalse();
        assertThat(rule.observe(false, T0.plusSeconds(22))).isTrue();
    }

    @Test
    void aZeroDelayMeansOnlyByHand() {
        TakeoverRule manualOnly = new TakeoverRule(Duration.ZERO);
        manualOnly.observe(true, T0);
        assertThat(manualOnly.observe(false, T0.plus(Duration.ofDays(1)))).isFalse();
    }
}
