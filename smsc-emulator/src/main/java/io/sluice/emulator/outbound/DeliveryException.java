package io.sluice.emulator.outbound;

/** A deliver_sm did not get a positive deliver_sm_resp. */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    private DeliveryException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    /** The ESME answered an error status or did not answer in time: the same PDU goes again later. */
    public static DeliveryException refused(String reason, Throwable cause) {
        return new DeliveryException(reason, true, cause);
    }

    /** The PDU cannot be built (e.g. a field too long): sending it again cannot help. */
    public static DeliveryException malformed(String reason, Throwable cause) {
        return new DeliveryException(reason, false, cause);
    }

    public boolean isRetryable() {
        return retryable;
    }
}
