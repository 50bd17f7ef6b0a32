package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsmpp.extra.SessionState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The edge is ready only while bound: the transitions camel-smpp reports, through the health indicator. */
class SmscHealthIndicatorTest {

    private final SmppBindState bind = new SmppBindState();
    private final SmscHealthIndicator health = new SmscHealthIndicator(bind, "smpp", "smsc.example:2775");

    @Test
    void downBeforeTheFirstBind() {
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("session", "CLOSED")
                .containsEntry("smsc", "smsc.example:2775");
    }

    @Test
    void upWhileBoundDownAgainWhenTheBindIsLost() {
        bind.onStateChange(SessionState.OPEN, SessionState.CLOSED, null);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        bind.onStateChange(SessionState.BOUND_TRX, SessionState.OPEN, null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        bind.onStateChange(SessionState.UNBOUND, SessionState.BOUND_TRX, null);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("session", "UNBOUND");
    }
}
