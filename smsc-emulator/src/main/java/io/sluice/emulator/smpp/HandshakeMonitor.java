package io.sluice.emulator.smpp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.sluice.emulator.traffic.BusyPeriods;

/**
 * Watches one SMPP session for breaches of sequential handshaking: an ESME bound with a window of
 * one sends a request only after the response to its previous one (synchronous operation in SMPP 3.4;
 * every request is matched to its response by sequence_number, §5.1.4).
 *
 * <p>Requests are seen when their header arrives, before any processing, and responses when they
 * are about to be written; so "outstanding" means exactly "the ESME cannot have seen the answer yet".
 * An {@code enquire_link} may legitimately overlap a request (the keep-alive runs on its own timer),
 * so it is counted apart and is never a violation.
 */
public final class HandshakeMonitor {

    /** How an arriving PDU relates to the requests still unanswered. */
    public enum Arrival {
        /** Not a request under sequential handshaking (a response, a bind, an unbind, ...). */
        UNTRACKED,
        /** A handshaked request sent while nothing else was outstanding. */
        IN_TURN,
        /** A handshaked request sent while an earlier one was still unanswered. */
        VIOLATION,
        /** An enquire_link sent while a request was unanswered: allowed, counted apart. */
        KEEPALIVE_OVERLAP
    }

    /** sequence_number to command_id of the requests not answered yet. */
    private final Map<Integer, Integer> outstanding = new HashMap<>();
    private final Set<Integer> violating = new HashSet<>();
    private final BusyPeriods busy;
    private long violations;
    private long keepaliveOverlaps;

    public HandshakeMonitor() {
        this(new BusyPeriods());
    }

    HandshakeMonitor(BusyPeriods busy) {
        this.busy = busy;
    }

    public synchronized Arrival requestArrived(int commandId, int sequenceNumber) {
        if (commandId == SmppCommand.ENQUIRE_LINK.id()) {
            if (outstanding.isEmpty()) {
                return Arrival.UNTRACKED;
            }
            keepaliveOverlaps++;
            return Arrival.KEEPALIVE_OVERLAP;
        }
        boolean handshaked = SmppCommand.of(commandId).map(SmppCommand::isHandshaked).orElse(false);
        if (!handshaked) {
            return Arrival.UNTRACKED;
        }
        boolean overlaps = !outstanding.isEmpty();
        outstanding.put(sequenceNumber, commandId);
        busy.update(true);
        if (!overlaps) {
            return Arrival.IN_TURN;
        }
        violations++;
        violating.add(sequenceNumber);
        return Arrival.VIOLATION;
    }

    /**
     * A response (or a generic_nack) for {@code sequenceNumber} is on its way to the ESME.
     *
     * @return nanoseconds of the busy period (some request outstanding) this answer ended; 0 if none ended
     */
    public synchronized long answered(int responseCommandId, int sequenceNumber) {
        Integer request = outstanding.get(sequenceNumber);
        boolean matches = request != null && (responseCommandId == SmppCommand.GENERIC_NACK.id()
                || SmppCommand.requestOf(responseCommandId) == request);
        if (matches) {
            outstanding.remove(sequenceNumber);
            violating.remove(sequenceNumber);
        }
        return busy.update(!outstanding.isEmpty());
    }

    /** Whether the still-unanswered request {@code sequenceNumber} arrived out of turn. */
    public synchronized boolean isViolation(int sequenceNumber) {
        return violating.contains(sequenceNumber);
    }

    public synchronized int outstanding() {
        return outstanding.size();
    }

    public synchronized long violations() {
        return violations;
    }

    public synchronized long keepaliveOverlaps() {
        return keepaliveOverlaps;
    }

    /** Zeroes the counters; requests in flight stay outstanding. */
    public synchronized void resetCounters() {
        violations = 0;
        keepaliveOverlaps = 0;
    }
}
