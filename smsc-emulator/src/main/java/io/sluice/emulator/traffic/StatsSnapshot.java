package io.sluice.emulator.traffic;

import java.util.List;

/**
 * Counters as {@code GET /api/stats} returns them. {@code binds}, {@code moPending} and
 * {@code receiptsPending} are gauges (current state); everything else counts since start or the last
 * {@code POST /api/reset}.
 *
 * @param binds sessions bound now
 * @param bindsTotal successful binds
 * @param bindsRefused binds refused (unknown system_id, wrong password)
 * @param submits submit_sm received
 * @param rejected ESME requests answered with a non-zero command_status
 * @param unanswered requests deliberately left without a response ({@code #NORESP})
 * @param violations requests that arrived while an earlier one of the same session was unanswered
 * @param keepaliveOverlaps enquire_link received while a request was unanswered (allowed)
 * @param moOriginated mobile-originated messages accepted for delivery
 * @param moDelivered mobile-originated messages acknowledged by an ESME with deliver_sm_resp
 * @param moPending mobile-originated messages queued or in flight
 * @param receiptsSent delivery receipts acknowledged by an ESME
 * @param receiptsPending delivery receipts scheduled, queued or in flight
 * @param deliverRetries deliver_sm re-sent after an error response or a timeout
 * @param busyNanos summed over sessions, the time during which a session had a request outstanding
 *     (arrived, not yet answered): the SMSC link's useful time, for utilisation = busy / wall time.
 *     A period is counted when it ends.
 * @param sessions the sessions open now
 */
public record StatsSnapshot(long binds, long bindsTotal, long bindsRefused, long submits, long rejected,
        long unanswered, long violations, long keepaliveOverlaps, long moOriginated, long moDelivered,
        long moPending, long receiptsSent, long receiptsPending, long deliverRetries, long busyNanos,
        List<SessionStats> sessions) {
}
