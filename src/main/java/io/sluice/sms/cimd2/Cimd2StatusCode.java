package io.sluice.sms.cimd2;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Values of parameter 061, status code, in a deliver status report (23) or an enquire message status
 * response (54) (CIMD Interface Specification chapter 5, "Status code").
 */
public enum Cimd2StatusCode {
    IN_PROCESS(1, false),
    VALIDITY_PERIOD_EXPIRED(2, true),
    DELIVERY_FAILED(3, true),
    DELIVERY_SUCCESSFUL(4, true),
    NO_RESPONSE(5, false),
    LAST_NO_RESPONSE(6, true),
    MESSAGE_CANCELLED(7, true),
    MESSAGE_DELETED(8, true),
    MESSAGE_DELETED_BY_CANCEL(9, true);

    private static final Map<Integer, Cimd2StatusCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Cimd2StatusCode::code, Function.identity()));

    private final int code;
    private final boolean finalState;

    Cimd2StatusCode(int code, boolean finalState) {
        this.code = code;
        this.finalState = finalState;
    }

    public int code() {
        return code;
    }

    /** Whether no further report follows for the message. */
    public boolean isFinal() {
        return finalState;
    }

    public static Optional<Cimd2StatusCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
