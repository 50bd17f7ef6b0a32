package io.sluice.sms.cimd2;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CIMD2 operation codes (CIMD Interface Specification chapter 4, "Operations"; the {@code OO} of the packet
 * header). A response is its request's code plus {@value #RESPONSE_OFFSET}; 98 and 99 answer a packet the
 * receiver could not take at all.
 */
public enum Cimd2Operation {
    /** §4.1 Login, client to SMSC. */
    LOGIN(1, Sender.CLIENT),
    /** §4.2 Logout, client to SMSC. */
    LOGOUT(2, Sender.CLIENT),
    /** §4.3 Submit message, client to SMSC. */
    SUBMIT(3, Sender.CLIENT),
    /** §4.4 Enquire message status, client to SMSC. */
    ENQUIRE_MESSAGE_STATUS(4, Sender.CLIENT),
    /** §4.5 Delivery request (retrieve stored messages), client to SMSC. */
    DELIVERY_REQUEST(5, Sender.CLIENT),
    /** §4.6 Cancel message, client to SMSC. */
    CANCEL(6, Sender.CLIENT),
    /** §4.7 Set parameter (e.g. change password), client to SMSC. */
    SET(8, Sender.CLIENT),
    /** §4.8 Get parameter (e.g. the SMSC time), client to SMSC. */
    GET(9, Sender.CLIENT),
    /** §4.9 Deliver message: a mobile-originated message, SMSC to client. */
    DELIVER_MESSAGE(20, Sender.SMSC),
    /** §4.10 Deliver status report: a delivery receipt, SMSC to client. */
    DELIVER_STATUS_REPORT(23, Sender.SMSC),
    /** §4.11 Alive: keep-alive, either side. */
    ALIVE(40, Sender.EITHER),

    LOGIN_RESPONSE(51, Sender.SMSC),
    LOGOUT_RESPONSE(52, Sender.SMSC),
    SUBMIT_RESPONSE(53, Sender.SMSC),
    ENQUIRE_MESSAGE_STATUS_RESPONSE(54, Sender.SMSC),
    DELIVERY_REQUEST_RESPONSE(55, Sender.SMSC),
    CANCEL_RESPONSE(56, Sender.SMSC),
    SET_RESPONSE(58, Sender.SMSC),
    GET_RESPONSE(59, Sender.SMSC),
    DELIVER_MESSAGE_RESPONSE(70, Sender.CLIENT),
    DELIVER_STATUS_REPORT_RESPONSE(73, Sender.CLIENT),
    ALIVE_RESPONSE(90, Sender.EITHER),

    /** §4.12 General error response: the operation is unknown or not allowed now; carries 900/901. */
    GENERAL_ERROR_RESPONSE(98, Sender.EITHER),
    /** §4.13 NACK: bad checksum or unexpected packet number; the sender retransmits. */
    NACK(99, Sender.EITHER);

    /** §3: a response's operation code is the request's plus 50. */
    public static final int RESPONSE_OFFSET = 50;

    /** Who may send an operation. */
    public enum Sender {
        CLIENT, SMSC, EITHER
    }

    private static final Map<Integer, Cimd2Operation> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Cimd2Operation::code, Function.identity()));

    private final int code;
    private final Sender sender;

    Cimd2Operation(int code, Sender sender) {
        this.code = code;
        this.sender = sender;
    }

    public int code() {
        return code;
    }

    public Sender sender() {
        return sender;
    }

    public static Optional<Cimd2Operation> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Whether this answers a request (51-90, 98, 99). */
    public boolean isResponse() {
        return code > RESPONSE_OFFSET;
    }

    /** The response to this request; empty for responses. */
    public Optional<Cimd2Operation> response() {
        return isResponse() ? Optional.empty() : of(code + RESPONSE_OFFSET);
    }

    /** The request this responds to; empty for requests and for 98/99, which answer any packet. */
    public Optional<Cimd2Operation> request() {
        return isResponse() ? of(code - RESPONSE_OFFSET).filter(request -> !request.isResponse()) : Optional.empty();
    }
}
