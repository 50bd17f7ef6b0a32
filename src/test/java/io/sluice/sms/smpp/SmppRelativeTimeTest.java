package io.sluice.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmppRelativeTimeTest {

    @Test
    void daysHoursMinutesAndSecondsFromNowInTheSixteenCharacterForm() {
        assertThat(SmppRelativeTime.of(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4)))
                .isEqualTo("000001020304000R");
        assertThat(SmppRelativeTime.of(Duration.ofHours(24))).isEqualTo("000001000000000R");
        assertThat(SmppRelativeTime.of(Duration.ofMillis(59_999))).as("rounded down").isEqualTo("000000000059000R");
        assertThat(SmppRelativeTime.of(Duration.ZERO)).isEqualTo("000000000000000R");
    }

    @Test
    void periodsBeyondNinetyNineDaysAreCutToTheLongestTheFormatHolds() {
        assertThat(SmppRelativeTime.of(Duration.ofDays(400))).isEqualTo("000099235959000R");
    }

    @Test
    void aNegativePeriodIsAMistake() {
        assertThatThrownBy(() -> SmppRelativeTime.of(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
