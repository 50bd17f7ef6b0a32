package io.sluice.sms.cimd2;

/**
 * A parameter a typed accessor of {@link Cimd2Packet} needs is missing or not in its type's format
 * (CIMD Interface Specification chapter 5). {@link #errorCode()} is what a negative response carries.
 */
public final class Cimd2ParameterException extends RuntimeException {

    private final transient Cimd2ErrorCode errorCode;

    public Cimd2ParameterException(Cimd2ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public Cimd2ErrorCode errorCode() {
        return errorCode;
    }
}
