package io.sluice.im;

import org.apache.camel.Message;

/** Writes a {@code type:status} inbox message (README, "STOMP API"). */
public final class StatusMessages {

    private StatusMessages() {
    }

    /** Replaces the message's headers and body with those of a status. */
    public static void write(Message message, String sluiceId, String clientRef, MessageStatus status,
                             String reason, String detail) {
        message.removeHeaders("*");
        describe(message, sluiceId, clientRef, status, reason, detail);
    }

    /** Sets the status headers and body, keeping headers already set (such as the destination). */
    public static void describe(Message message, String sluiceId, String clientRef, MessageStatus status,
                                String reason, String detail) {
        message.setHeader(Headers.TYPE, "status");
        message.setHeader(Headers.SLUICE_ID, sluiceId);
        if (clientRef != null) {
            message.setHeader(Headers.CLIENT_REF, clientRef);
        }
        message.setHeader(Headers.STATUS, status.code());
        if (reason != null) {
            message.setHeader(Headers.REASON, reason);
        }
        if (detail != null) {
            message.setHeader(Headers.DETAIL, detail);
        }
        message.setBody(detail == null ? status.code() : detail);
    }
}
