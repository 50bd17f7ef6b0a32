package io.sluice.sms.cimd2.client;

/**
 * The session could not carry a request: not logged in, the connection was lost, or no response came
 * after every transmission. Always temporary: the same request may succeed after the reconnect.
 */
public final class Cimd2SessionException extends Exception {

    public Cimd2SessionException(String message) {
        super(message);
    }
}
