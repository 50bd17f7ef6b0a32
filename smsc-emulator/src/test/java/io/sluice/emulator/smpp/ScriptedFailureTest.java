package io.sluice.emulator.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptedFailureTest {

    @Test
    void keywordAtTheStartScriptsTheFailureWhateverItsCase() {
        assertThat(ScriptedFailure.of("#THROTTLE now")).contains(ScriptedFailure.THROTTLE);
        assertThat(ScriptedFailure.of("  #qfull")).contains(ScriptedFailure.QUEUE_FULL);
        assertThat(ScriptedFailure.of("#Reject")).contains(ScriptedFailure.REJECT);
        assertThat(ScriptedFailure.of("#NORESP")).contains(ScriptedFailure.NO_RESPONSE);
    }

    @Test
    void keywordAfterASenderLabelScriptsTheFailure() {
        assertThat(ScriptedFailure.of("alice: #REJECT please")).contains(ScriptedFailure.REJECT);
        assertThat(ScriptedFailure.of("bob:  #throttle")).contains(ScriptedFailure.THROTTLE);
    }

    @Test
    void keywordElsewhereOrNoTextScriptsNothing() {
        assertThat(ScriptedFailure.of("alice: please #REJECT")).isEmpty();
        assertThat(ScriptedFailure.of("please #THROTTLE")).isEmpty();
        assertThat(ScriptedFailure.of("hello")).isEmpty();
        assertThat(ScriptedFailure.of(null)).isEmpty();
    }

    @Test
    void statusesAreTheSpecificationsCodes() {
        assertThat(ScriptedFailure.THROTTLE.status()).isEqualTo(0x58);
        assertThat(ScriptedFailure.QUEUE_FULL.status()).isEqualTo(0x14);
        assertThat(ScriptedFailure.REJECT.status()).isEqualTo(0x0B);
        assertThat(ScriptedFailure.NO_RESPONSE.answers()).isFalse();
    }

    @Test
    void wireFaultsAreReadLikeScriptedFailuresAndOnlyTheEarlyReceiptHitsEveryAttempt() {
        assertThat(WireFault.of("alice: #lostresp hi")).contains(WireFault.LOST_RESPONSE);
        assertThat(WireFault.of("#NACK")).contains(WireFault.GENERIC_NACK);
        assertThat(WireFault.of("#GARBAGE please")).contains(WireFault.GARBAGE);
        assertThat(WireFault.of("#THROTTLE")).isEmpty();
        assertThat(WireFault.of("hi #NACK")).isEmpty();
        assertThat(WireFault.EARLY_RECEIPT.firstAttemptOnly()).isFalse();
        assertThat(WireFault.LATE_RESPONSE.firstAttemptOnly()).isTrue();
        assertThat(WireFault.LOST_RESPONSE.stores()).isTrue();
        assertThat(WireFault.HUGE_LENGTH.stores()).isFalse();
    }
}
