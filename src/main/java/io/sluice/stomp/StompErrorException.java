package io.sluice.stomp;

import java.io.IOException;

/**
 * The broker answered with an ERROR frame (STOMP 1.2 §"ERROR"), e.g. refused credentials on CONNECT.
 * The frame is kept whole: tests assert on its {@code message} header and body.
 */
public final class StompErrorException extends IOException {

    private final StompFrame errorFrame;

    public StompErrorException(StompFrame errorFrame) {
        super("STOMP ERROR: " + errorFrame.header("message")
                + (errorFrame.body().isBlank() ? "" : " (" + errorFrame.body().strip() + ")"));
        this.errorFrame = errorFrame;
    }

    public StompFrame errorFrame() {
        return errorFrame;
    }
}
