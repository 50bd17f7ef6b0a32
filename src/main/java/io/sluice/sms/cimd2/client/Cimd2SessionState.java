package io.sluice.sms.cimd2.client;

/**
 * The states of the edge's CIMD2 session (ADR 0009). Requests are written only in READY, which they
 * leave for AWAITING_RESPONSE until their response (or giving up): that is the whole stop-and-wait rule.
 */
public enum Cimd2SessionState {
    /** No connection; a reconnect is scheduled (or the session has not been started). */
    DISCONNECTED,
    /** TCP connect under way. */
    CONNECTING,
    /** Connected; the login (01) is the one outstanding request. */
    LOGGING_IN,
    /** Logged in, nothing outstanding: the next request may go. */
    READY,
    /** Logged in, one request (submit or alive) outstanding. */
    AWAITING_RESPONSE,
    /** Closed for good by {@link Cimd2ClientSession#close()}. */
    CLOSED
}
