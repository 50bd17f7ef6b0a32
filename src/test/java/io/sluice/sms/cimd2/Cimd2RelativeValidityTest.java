package io.sluice.sms.cimd2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class Cimd2RelativeValidityTest {

    @Test
    void eachRangeOfGsm0340IsCodedAsTheSpecificationSays() {
        assertThat(Cimd2RelativeValidity.of(Duration.ofMinutes(5))).isZero();
        assertThat(Cimd2RelativeValidity.of(Duration.ofHours(12))).isEqualTo(143);
        assertThat(Cimd2RelativeValidity.of(Duration.ofHours(24))).isEqualTo(167);
        assertThat(Cimd2RelativeValidity.of(Duration.ofDays(2))).isEqualTo(168);
        assertThat(Cimd2RelativeValidity.of(Duration.ofDays(30))).isEqualTo(196);
        assertThat(Cimd2RelativeValidity.of(Duration.ofDays(35))).isEqualTo(197);
        assertThat(Cimd2RelativeValidity.of(Duration.ofDays(7 * 63))).isEqualTo(255);
        assertThat(Cimd2RelativeValidity.of(Duration.ofDays(7 * 100))).as("longer than 63 weeks").isEqualTo(255);
    }

    @Test
    void theCodedPeriodIsNeverLongerThanTheOneAskedForBeyondTheShortest() {
        for (long minutes = 5; minutes <= 63L * 7 * 24 * 60; minutes += 7) {
            Duration asked = Duration.ofMinutes(minutes);
            int coded = Cimd2RelativeValidity.of(asked);
            assertThat(Cimd2RelativeValidity.periodOf(coded)).as("%s coded %d", asked, coded).isLessThanOrEqualTo(asked);
            if (coded < 255) {
                assertThat(Cimd2RelativeValidity.periodOf(coded + 1)).as("the longest fitting, %s", asked).isGreaterThan(asked);
            }
        }
    }

    @Test
    void belowFiveMinutesTheShortestIsAskedFor() {
        assertThat(Cimd2RelativeValidity.of(Duration.ofSeconds(30))).isZero();
        assertThatThrownBy(() -> Cimd2RelativeValidity.periodOf(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
