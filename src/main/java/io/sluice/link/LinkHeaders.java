package io.sluice.link;

/**
 * Headers of the messages on the core↔edge link (ADR 0004): slot-indexed data messages, reports
 * (confirmed, processed), heart-beats and rebuild instructions.
 */
public final class LinkHeaders {

    /** The message's sequence number in its ring. */
    public static final String SEQUENCE = "ring_seq";
    /** The sender's slot address, sequence mod its capacity; the receiver computes its own (ADR 0039). */
    public static final String SLOT = "ring_slot";
    /** mt or mo: which ring a report or data message belongs to. */
    public static final String DIRECTION = "direction";
    /** confirmed | processed | heartbeat | rebuild on report messages. */
    public static final String KIND = "link_kind";
    /** For processed reports: ok, or failed (then reason and detail say why). */
    public static final String OUTCOME = "outcome";
    /** For rebuild: everything up to here is processed at the origin. */
    public static final String FLOOR = "ring_floor";
    /** On heart-beats: the sender's clock (epoch ms) when it left; see {@link RoundTrip}. */
    public static final String BEAT_SENT_AT = "beat_sent_at";
    /** On heart-beats: {@link #BEAT_SENT_AT} of the last heart-beat heard from the peer, echoed back. */
    public static final String BEAT_ECHO = "beat_echo";
    /** On heart-beats: ms between hearing the echoed heart-beat and sending this one. */
    public static final String BEAT_ECHO_HELD = "beat_echo_held_ms";

    public static final String KIND_CONFIRMED = "confirmed";
    public static final String KIND_PROCESSED = "processed";
    public static final String KIND_HEARTBEAT = "heartbeat";
    public static final String KIND_REBUILD = "rebuild";
    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_FAILED = "failed";

    /**
     * Exchange property naming the carrier whose extended interruption a heart-beat ended, so that a
     * rollback can count it as not heard yet and its redelivery replays again (ADR 0025).
     */
    public static final String RECONNECTED_PROPERTY = "sluiceReconnected";

    private LinkHeaders() {
    }

    /** Heart-beat header carrying one pointer of one ring, e.g. {@code mt_confirmed}. */
    public static String pointer(String direction, String pointer) {
        return direction + "_" + pointer;
    }
}
