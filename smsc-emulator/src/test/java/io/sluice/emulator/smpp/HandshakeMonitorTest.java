package io.sluice.emulator.smpp;

import static io.sluice.emulator.smpp.HandshakeMonitor.Arrival.IN_TURN;
import static io.sluice.emulator.smpp.HandshakeMonitor.Arrival.KEEPALIVE_OVERLAP;
import static io.sluice.emulator.smpp.HandshakeMonitor.Arrival.UNTRACKED;
import static io.sluice.emulator.smpp.HandshakeMonitor.Arrival.VIOLATION;
import static io.sluice.emulator.smpp.SmppCommand.CANCEL_SM;
import static io.sluice.emulator.smpp.SmppCommand.DATA_SM;
import static io.sluice.emulator.smpp.SmppCommand.DELIVER_SM_RESP;
import static io.sluice.emulator.smpp.SmppCommand.ENQUIRE_LINK;
import static io.sluice.emulator.smpp.SmppCommand.GENERIC_NACK;
import static io.sluice.emulator.smpp.SmppCommand.QUERY_SM;
import static io.sluice.emulator.smpp.SmppCommand.REPLACE_SM;
import static io.sluice.emulator.smpp.SmppCommand.SUBMIT_MULTI;
import static io.sluice.emulator.smpp.SmppCommand.SUBMIT_SM;
import static io.sluice.emulator.smpp.SmppCommand.SUBMIT_SM_RESP;
import static io.sluice.emulator.smpp.SmppCommand.UNBIND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import io.sluice.emulator.traffic.BusyPeriods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandshakeMonitorTest {

    private final HandshakeMonitor monitor = new HandshakeMonitor();

    @Test
    void requestsEachSentAfterThePreviousAnswerAreInTurn() {
        for (int sequence = 1; sequence <= 3; sequence++) {
            assertThat(monitor.requestArrived(SUBMIT_SM.id(), sequence)).isEqualTo(IN_TURN);
            monitor.answered(SUBMIT_SM_RESP.id(), sequence);
        }

        assertThat(monitor.violations()).isZero();
        assertThat(monitor.outstanding()).isZero();
    }

    @Test
    void requestSentBeforeThePreviousAnswerIsAViolation() {
        monitor.requestArrived(SUBMIT_SM.id(), 1);

        assertThat(monitor.requestArrived(SUBMIT_SM.id(), 2)).isEqualTo(VIOLATION);
        assertThat(monitor.isViolation(2)).isTrue();
        assertThat(monitor.isViolation(1)).isFalse();
        assertThat(monitor.violations()).isEqualTo(1);
        assertThat(monitor.outstanding()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(names = {"QUERY_SM", "SUBMIT_SM", "REPLACE_SM", "CANCEL_SM", "SUBMIT_MULTI", "DATA_SM"})
    void everyHandshakedOperationCountsWhenItOverlaps(SmppCommand command) {
        monitor.requestArrived(SUBMIT_SM.id(), 1);

        assertThat(monitor.requestArrived(command.id(), 2)).isEqualTo(VIOLATION);
    }

    @Test
    void enquireLinkDuringAnOutstandingRequestIsAKeepaliveOverlapNotAViolation() {
        monitor.requestArrived(DATA_SM.id(), 1);

        assertThat(monitor.requestArrived(ENQUIRE_LINK.id(), 2)).isEqualTo(KEEPALIVE_OVERLAP);
        assertThat(monitor.violations()).isZero();
        assertThat(monitor.keepaliveOverlaps()).isEqualTo(1);
        assertThat(monitor.outstanding()).isEqualTo(1);
    }

    @Test
    void enquireLinkWithNothingOutstandingIsUntracked() {
        assertThat(monitor.requestArrived(ENQUIRE_LINK.id(), 1)).isEqualTo(UNTRACKED);
        assertThat(monitor.keepaliveOverlaps()).isZero();
    }

    @Test
    void responsesAndSessionCommandsFromTheEsmeAreUntracked() {
        monitor.requestArrived(SUBMIT_SM.id(), 1);

        assertThat(monitor.requestArrived(DELIVER_SM_RESP.id(), 7)).isEqualTo(UNTRACKED);
        assertThat(monitor.requestArrived(UNBIND.id(), 2)).isEqualTo(UNTRACKED);
        assertThat(monitor.violations()).isZero();
    }

    @Test
    void unknownCommandIdIsUntracked() {
        monitor.requestArrived(SUBMIT_SM.id(), 1);

        assertThat(monitor.requestArrived(0x00000777, 2)).isEqualTo(UNTRACKED);
    }

    @Test
    void genericNackAnswersTheRequestWithItsSequenceNumber() {
        monitor.requestArrived(SUBMIT_SM.id(), 1);

        monitor.answered(GENERIC_NACK.id(), 1);

        assertThat(monitor.outstanding()).isZero();
        assertThat(monitor.requestArrived(SUBMIT_SM.id(), 2)).isEqualTo(IN_TURN);
    }

    @Test
    void responseOfAnotherCommandDoesNotAnswerTheRequest() {
        monitor.requestArrived(QUERY_SM.id(), 1);

        monitor.answered(SUBMIT_SM_RESP.id(), 1);

        assertThat(monitor.outstanding()).isEqualTo(1);
    }

    @Test
    void answersMayComeOutOfOrder() {
        monitor.requestArrived(CANCEL_SM.id(), 1);
        monitor.requestArrived(REPLACE_SM.id(), 2);
        monitor.requestArrived(SUBMIT_MULTI.id(), 3);

        monitor.answered(SmppCommand.SUBMIT_MULTI_RESP.id(), 3);
        monitor.answered(SmppCommand.CANCEL_SM_RESP.id(), 1);

        assertThat(monitor.outstanding()).isEqualTo(1);
        assertThat(monitor.isViolation(2)).isTrue();
        monitor.answered(SmppCommand.REPLACE_SM_RESP.id(), 2);
        assertThat(monitor.isViolation(2)).isFalse();
    }

    @Test
    void resetZeroesCountersButKeepsRequestsInFlight() {
        monitor.requestArrived(SUBMIT_SM.id(), 1);
        monitor.requestArrived(SUBMIT_SM.id(), 2);
        monitor.requestArrived(ENQUIRE_LINK.id(), 3);

        monitor.resetCounters();

        assertThat(monitor.violations()).isZero();
        assertThat(monitor.keepaliveOverlaps()).isZero();
        assertThat(monitor.outstanding()).isEqualTo(2);
    }

    @Test
    void theBusyPeriodEndsWithTheAnswerThatLeavesNothingOutstanding() {
        AtomicLong now = new AtomicLong();
        HandshakeMonitor timed = new HandshakeMonitor(new BusyPeriods(now::get));
        timed.requestArrived(SUBMIT_SM.id(), 1);
        now.addAndGet(700);
        timed.requestArrived(SUBMIT_SM.id(), 2); // a violation: both outstanding, still one busy period
        now.addAndGet(300);

        assertThat(timed.answered(SUBMIT_SM_RESP.id(), 1)).isZero();
        now.addAndGet(1_000);
        assertThat(timed.answered(SUBMIT_SM_RESP.id(), 2)).isEqualTo(2_000);
    }

    @Test
    void anEnquireLinkAloneIsNotBusyTime() {
        AtomicLong now = new AtomicLong();
        HandshakeMonitor timed = new HandshakeMonitor(new BusyPeriods(now::get));
        timed.requestArrived(ENQUIRE_LINK.id(), 1);
        now.addAndGet(500);

        assertThat(timed.answered(SmppCommand.ENQUIRE_LINK_RESP.id(), 1)).isZero();
    }
}
