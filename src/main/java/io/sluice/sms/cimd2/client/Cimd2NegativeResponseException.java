package io.sluice.sms.cimd2.client;

import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Operation;

/**
 * The SMSC refused a request (CIMD Interface Specification §4: a response with error code 900, or a
 * general error response 98). Whether that is for good is {@link Cimd2ErrorCode#isTemporary()}.
 */
public final class Cimd2NegativeResponseException extends Exception {

    private final transient Cimd2ErrorCode errorCode;
    private final int code;

    public Cimd2NegativeResponseException(Cimd2Operation response, int code, Cimd2ErrorCode errorCode) {
        super(String.format("%s with error %d (%s)", response, code,
                errorCode == null ? "unknown error code" : errorCode.text()));
        this.code = code;
        this.errorCode = errorCode;
    }

    /** The error code as received. */
    public int code() {
        return code;
    }

    /** The named error code; null when the SMSC used a code the specification does not list. */
    public Cimd2ErrorCode errorCode() {
        return errorCode;
    }

    /** Whether the same request may succeed later; an unknown code is not assumed to be. */
    public boolean isTemporary() {
        return errorCode != null && errorCode.isTemporary();
    }
}
