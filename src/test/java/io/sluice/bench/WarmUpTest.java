package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When the benchmark's warm-up stops: both rates held within 10 % for two rounds in a row. */
class WarmUpTest {

    @Test
    void aRateStillClimbingIsNotSettled() {
        // the MT rates of the sweep's first rounds on 2026-11-27, which the old single burst left unwarmed
        assertThat(WarmUp.settled(List.of(39.0, 47.0, 82.0), List.of(49.0, 44.0, 79.0))).isFalse();
    }

    @Test
    void oneStepWithinTenPercentIsNotEnough() {
        // the warm-up of 2026-11-27 21:32 stopped here, and the sweep's MT rate went on to 170-235 msg/s
        assertThat(WarmUp.settled(List.of(29.0, 43.0, 62.0, 51.0, 57.0, 68.0, 71.0),
                List.of(48.0, 50.0, 68.0, 63.0, 71.0, 80.0, 80.0))).isFalse();
    }

    @Test
    void bothRatesHeldForTwoRoundsSettle() {
        assertThat(WarmUp.settled(List.of(39.0, 160.0, 170.0, 175.0), List.of(49.0, 110.0, 115.0, 118.0))).isTrue();
    }

    @Test
    void oneRateSettledIsNotEnough() {
        assertThat(WarmUp.settled(List.of(39.0, 160.0, 170.0, 175.0), List.of(49.0, 110.0, 115.0, 90.0))).isFalse();
    }

    @Test
    void aRoundOfWhichTooLittleArrivedSettlesNothing() {
        assertThat(WarmUp.settled(List.of(Double.NaN, Double.NaN, Double.NaN), List.of(90.0, 90.0, 91.0))).isFalse();
        assertThat(WarmUp.settled(List.of(100.0, 100.0, Double.POSITIVE_INFINITY), List.of(90.0, 90.0, 91.0))).isFalse();
    }

    @Test
    void twoRoundsCannotShowTwoSteadySteps() {
        assertThat(WarmUp.settled(List.of(100.0, 100.0), List.of(90.0, 90.0))).isFalse();
        assertThat(WarmUp.settled(List.of(100.0, 100.0, 101.0), List.of(90.0, 90.0, 91.0))).isTrue();
    }

    @Test
    void theReportNamesEveryRoundAndWhetherItSettled() {
        WarmUp.Rounds rounds = new WarmUp.Rounds(List.of(39.4, 160.0, 170.0, 175.0), List.of(49.0, 110.0, 115.0, 118.0), true);
        assertThat(rounds.describe()).isEqualTo("4 round(s), settled: MT 39, 160, 170, 175 msg/s; MO 49, 110, 115, 118 msg/s");
    }

    @Test
    void eachRepeatOfTheSweepStartsOneRttFurtherOn() {
        List<Integer> rtts = List.of(0, 50, 300, 1000);
        assertThat(WanSweep.inTurn(rtts, 1)).containsExactly(0, 50, 300, 1000);
        assertThat(WanSweep.inTurn(rtts, 2)).containsExactly(50, 300, 1000, 0);
        assertThat(WanSweep.inTurn(rtts, 3)).containsExactly(300, 1000, 0, 50);
        assertThat(WanSweep.inTurn(rtts, 5)).containsExactly(0, 50, 300, 1000);
    }
}
