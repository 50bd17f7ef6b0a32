package io.sluice.sms.cimd2;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CIMD2 parameter codes (CIMD Interface Specification chapter 5, "Parameters"; the {@code PPP} of
 * {@code PPP:value}), with the type and the maximum length the specification gives each one.
 * A code not listed here is still decoded, as a {@link Cimd2Field} without a parameter.
 */
public enum Cimd2Parameter {
    USER_IDENTITY(10, Type.STRING, 32),
    PASSWORD(11, Type.STRING, 32),
    /** Sub-address appended to the client's own address at login. */
    SUBADDRESS(12, Type.STRING, 3),
    /** Requested window size at login (how many requests may be outstanding). */
    WINDOW_SIZE(19, Type.INTEGER, 3),
    DESTINATION_ADDRESS(21, Type.ADDRESS, 20),
    ORIGINATING_ADDRESS(23, Type.ADDRESS, 20),
    ORIGINATING_IMSI(26, Type.ADDRESS, 20),
    ALPHANUMERIC_ORIGINATING_ADDRESS(27, Type.STRING, 11),
    ORIGINATED_VISITED_MSC_ADDRESS(28, Type.ADDRESS, 20),
    /** GSM 03.38 §4 data coding scheme, decimal 0-255; see {@link Cimd2DataCoding}. */
    DATA_CODING_SCHEME(30, Type.INTEGER, 3),
    /** GSM 03.40 §9.2.3.24 user data header as hex, without its length octet. */
    USER_DATA_HEADER(32, Type.HEX, 280),
    /** Text in the CIMD2 character conversion of §8.1; see {@link Cimd2Text}. */
    USER_DATA(33, Type.USER_DATA, 480),
    /** 8-bit or UCS-2 user data as hex. */
    USER_DATA_BINARY(34, Type.HEX, 280),
    MORE_MESSAGES_TO_SEND(44, Type.INTEGER, 1),
    /** GSM 03.40 §9.2.3.12 relative validity period, 0-255 (-1 for the SMSC default). */
    VALIDITY_PERIOD_RELATIVE(50, Type.INTEGER, 3),
    VALIDITY_PERIOD_ABSOLUTE(51, Type.TIME, 12),
    PROTOCOL_IDENTIFIER(52, Type.INTEGER, 3),
    FIRST_DELIVERY_TIME_RELATIVE(53, Type.INTEGER, 3),
    FIRST_DELIVERY_TIME_ABSOLUTE(54, Type.TIME, 12),
    REPLY_PATH(55, Type.INTEGER, 1),
    /** Bit mask of the status reports wanted (§5: 1 temporary error, 2 validity expired, 4 failed, 8 delivered, 16 cancelled, 32 deleted). */
    STATUS_REPORT_REQUEST(56, Type.INTEGER, 2),
    CANCEL_ENABLED(58, Type.INTEGER, 1),
    CANCEL_MODE(59, Type.INTEGER, 1),
    /** SMSC time stamp {@code yyMMddHHmmss}: identifies a submitted message together with the destination. */
    SERVICE_CENTRE_TIMESTAMP(60, Type.TIME, 12),
    /** See {@link Cimd2StatusCode}. */
    STATUS_CODE(61, Type.INTEGER, 2),
    STATUS_ERROR_CODE(62, Type.INTEGER, 3),
    DISCHARGE_TIME(63, Type.TIME, 12),
    TARIFF_CLASS(64, Type.INTEGER, 2),
    SERVICE_DESCRIPTION(65, Type.INTEGER, 2),
    MESSAGE_COUNT(66, Type.INTEGER, 3),
    PRIORITY(67, Type.INTEGER, 1),
    DELIVERY_REQUEST_MODE(68, Type.INTEGER, 1),
    SERVICE_CENTER_ADDRESS(69, Type.ADDRESS, 20),
    GET_PARAMETER(500, Type.INTEGER, 3),
    MC_TIME(501, Type.TIME, 12),
    /** See {@link Cimd2ErrorCode}. */
    ERROR_CODE(900, Type.INTEGER, 3),
    ERROR_TEXT(901, Type.STRING, 64);

    /** How a parameter's value is written (§5 parameter types). */
    public enum Type {
        /** Decimal digits, a leading {@code -} allowed. */
        INTEGER,
        /** Printable ASCII. */
        STRING,
        /** Digits, optionally a leading {@code +}. */
        ADDRESS,
        /** {@code yyMMddHHmmss}, the SMSC's local time. */
        TIME,
        /** Hexadecimal octets. */
        HEX,
        /** Text with §8.1 special combinations. */
        USER_DATA
    }

    private static final Map<Integer, Cimd2Parameter> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Cimd2Parameter::code, Function.identity()));

    private final int code;
    private final Type type;
    private final int maxLength;

    Cimd2Parameter(int code, Type type, int maxLength) {
        this.code = code;
        this.type = type;
        this.maxLength = maxLength;
    }

    public int code() {
        return code;
    }

    public Type type() {
        return type;
    }

    /** Longest value the specification allows, in characters as written in the packet. */
    public int maxLength() {
        return maxLength;
    }

    public static Optional<Cimd2Parameter> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
