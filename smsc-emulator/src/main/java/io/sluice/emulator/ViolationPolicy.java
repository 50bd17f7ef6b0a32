package io.sluice.emulator;

/**
 * What the emulator does with an ESME request that arrives while an earlier request of the same
 * session is still unanswered, i.e. a breach of SMPP 3.4 sequential handshaking with a window of one
 * (synchronous operation: at most one request outstanding per session).
 */
public enum ViolationPolicy {
    /** Count and record the overlap, then process the request normally. */
    COUNT,
    /** Count and record the overlap, and answer the overlapping request with {@code violation-status}. */
    REJECT
}
