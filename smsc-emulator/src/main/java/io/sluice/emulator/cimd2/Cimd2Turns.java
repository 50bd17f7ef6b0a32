package io.sluice.emulator.cimd2;

import io.sluice.emulator.smpp.HandshakeMonitor.Arrival;
import io.sluice.emulator.traffic.BusyPeriods;
import io.sluice.sms.cimd2.Cimd2Operation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches one CIMD2 session for breaches of stop-and-wait: a client with a window of one sends its next
 * request only after the response to the previous one (CIMD Interface Specification §3.2; the window size
 * of the login, parameter 019, defaults to one). Requests are seen as they are decoded and responses as
 * they are written. An alive (40) may overlap a request, as SMPP's enquire_link may: counted apart.
 */
final class Cimd2Turns {

    /** The client's operations that take a turn; login and logout open and close the session instead. */
    private static final Set<Cimd2Operation> HANDSHAKED = EnumSet.of(Cimd2Operation.SUBMIT,
            Cimd2Operation.ENQUIRE_MESSAGE_STATUS, Cimd2Operation.DELIVERY_REQUEST, Cimd2Operation.CANCEL,
            Cimd2Operation.SET, Cimd2Operation.GET);

    private final Set<Integer> outstanding = new HashSet<>();
    private final Set<Integer> violating = new HashSet<>();
    private final BusyPeriods busy = new BusyPeriods();
    private long violations;
    private long keepaliveOverlaps;

    synchronized Arrival requestArrived(Cimd2Operation operation, int packetNumber) {
        if (operation == Cimd2Operation.ALIVE) {
            if (outstanding.isEmpty()) {
                return Arrival.UNTRACKED;
            }
            keepaliveOverlaps++;
            return Arrival.KEEPALIVE_OVERLAP;
        }
        if (!HANDSHAKED.contains(operation)) {
            return Arrival.UNTRACKED;
        }
        boolean overlaps = !outstanding.isEmpty();
        outstanding.add(packetNumber);
        busy.update(true);
        if (!overlaps) {
            return Arrival.IN_TURN;
        }
        violations++;
        violating.add(packetNumber);
        return Arrival.VIOLATION;
    }

    /**
     * The response to request {@code packetNumber} is on its way (or deliberately withheld).
     *
     * @return nanoseconds of the busy period (some request outstanding) this answer ended; 0 if none ended
     */
    synchronized long answered(int packetNumber) {
        outstanding.remove(packetNumber);
        violating.remove(packetNumber);
        return busy.update(!outstanding.isEmpty());
    }

    synchronized boolean isViolation(int packetNumber) {
        return violating.contains(packetNumber);
    }

    static boolean isHandshaked(Cimd2Operation operation) {
        return HANDSHAKED.contains(operation);
    }

    synchronized int outstanding() {
        return outstanding.size();
    }

    synchronized long violations() {
        return violations;
    }

    synchronized long keepaliveOverlaps() {
        return keepaliveOverlaps;
    }

    synchronized void resetCounters() {
        violations = 0;
        keepaliveOverlaps = 0;
    }
}
