package io.sluice.stomp;

/**
 * Bytes that are not a STOMP 1.2 frame, or a frame past the decoder's limits. STOMP has no way to find
 * the next frame after a bad one (§"Value Encoding" makes a bad escape fatal), so the stream is lost.
 */
public final class StompFrameException extends RuntimeException {

    public StompFrameException(String message) {
        super(message);
    }
}
