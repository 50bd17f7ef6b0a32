package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When the benchmark's warm-up stops: both rates settled, never before three rounds where three may run. */
class WarmUpTest {

    @Test
    void aRateStillClimbingIsNotSettled() {
        // the MT rates of the sweep's first rounds on 2026-11-27, which the old single burst left unwarmed
        assertThat(WarmUp.settled(List.of(39.0, 47.0, 82.0), List.of(49.0, 44.0, 79.0), 12)).isFalse();
        assertThat(WarmUp.settled(List.of(39.0, 47.0, 82.0, 95.0), List.of(49.0, 44.0, 79.0, 85.0), 12)).isFalse();
    }

    @Test
    void bothRatesWithinTenPercentOfTheRoundBeforeSettle() {
        assertThat(WarmUp.settled(List.of(39.0, 82.0, 95.0, 100.0), List.of(49.0, 79.0, 85.0, 90.0), 12)).isTrue();
    }

    @Test
    void oneRateSettledIsNotEnough() {
        assertThat(WarmUp.settled(List.of(39.0, 82.0, 95.0, 100.0), List.of(49.0, 79.0, 85.0, 60.0), 12)).isFalse();
    }

    @Test
    void twoSteadyRoundsAreNotEnoughWhereThreeMayRun() {
        assertThat(WarmUp.settled(List.of(100.0, 100.0), List.of(90.0, 90.0), 12)).isFalse();
        assertThat(WarmUp.settled(List.of(100.0, 100.0, 101.0), List.of(90.0, 90.0, 91.0), 12)).isTrue();
    }

    @Test
    void theSmokeModesFewRoundsStillCompareTwo() {
        assertThat(WarmUp.settled(List.of(10.0), List.of(10.0), 4)).isFalse();
        assertThat(WarmUp.settled(List.of(10.0, 10.5), List.of(10.0, 10.2), 2)).isTrue();
    }

    @Test
    void theReportNamesEveryRoundAndWhetherItSettled() {
        WarmUp.Rounds rounds = new WarmUp.Rounds(List.of(39.4, 82.0, 95.0, 100.0), List.of(49.0, 79.0, 85.0, 90.0), true);
        assertThat(rounds.describe()).isEqualTo("4 round(s), settled: MT 39, 82, 95, 100 msg/s; MO 49, 79, 85, 90 msg/s");
    }
}
