package io.sluice.emulator.traffic;

import java.time.Instant;

/**
 * One ESME session as {@code GET /api/stats} lists it.
 *
 * @param bindType {@code BIND_TX}, {@code BIND_RX} or {@code BIND_TRX}; null before the bind
 * @param outstanding ESME requests received and not answered yet
 */
public record SessionStats(String id, String systemId, String bindType, String remoteAddress, Instant boundAt,
        long violations, long keepaliveOverlaps, int outstanding) {
}
