package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The link settings refuse values under which a live link would look dead (ADR 0004, 0027). */
class LinkPropertiesTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theDefaultsAreAccepted() {
        LinkProperties link = new LinkProperties(SECOND, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10));

        assertThat(link.connectionIdleTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aConnectionIdleTimeoutUnderThreeHeartBeatsIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> new LinkProperties(SECOND, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(2500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluice.link.connection-idle-timeout")
                .hasMessageContaining("sluice.link.heartbeat-interval");
    }

    @Test
    void anExtendedInterruptionUnderTwoHeartBeatsIsRefused() {
        assertThatThrownBy(() -> new LinkProperties(SECOND, Duration.ofMillis(1500), Duration.ofSeconds(5),
                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluice.link.extended-interruption");
    }
}
