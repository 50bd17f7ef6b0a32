package io.sluice.im;

import org.apache.camel.Message;

/** Writes a {@code type:status} inbox message (README, "STOMP API"). */
public final class StatusMessages {

    private StatusMessages() {
    }

    public static void write(Message message, String sluiceId, String clientRef, MessageStatus status,
                             String reason, String detail) {
        message.removeHeaders("*");
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
