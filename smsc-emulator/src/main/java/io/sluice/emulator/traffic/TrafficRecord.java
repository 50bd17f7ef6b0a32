package io.sluice.emulator.traffic;

import java.time.Instant;

/**
 * One PDU the emulator received ({@code in}) or sent ({@code out}), as {@code GET /api/traffic} shows it.
 *
 * @param session emulator session id, e.g. {@code esme-3}
 * @param command SMPP 3.4 command name, e.g. {@code submit_sm_resp}
 * @param status command_status (0 for requests and successful responses)
 * @param source source_addr, or the system_id of a bind; null when the PDU has none
 * @param destination destination_addr; null when the PDU has none
 * @param text decoded short message, or a delivery receipt's text; null when there is none
 * @param note what the emulator made of it: {@code violation}, {@code keepalive-overlap},
 *     {@code withheld (#NORESP)}; null when nothing is remarkable
 */
public record TrafficRecord(Instant time, String session, String direction, String command, int sequence,
        int status, String source, String destination, String text, String note) {

    public static final String IN = "in";
    public static final String OUT = "out";
}
