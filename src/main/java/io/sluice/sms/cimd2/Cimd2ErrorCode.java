package io.sluice.sms.cimd2;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Values of parameter 900, error code (CIMD Interface Specification chapter 6, "Error codes"), carried by
 * a negative response or a general error response (98) together with the optional error text 901.
 * Codes 0-99 may answer any operation; the hundreds belong to one operation (1xx login, 3xx submit, 4xx
 * enquire message status, 5xx delivery request, 6xx cancel, 8xx set, 9xx get).
 */
public enum Cimd2ErrorCode {
    NO_ERROR(0, "No error"),
    UNEXPECTED_OPERATION(1, "Unexpected operation"),
    SYNTAX_ERROR(2, "Syntax error"),
    UNSUPPORTED_PARAMETER(3, "Unsupported parameter error"),
    CONNECTION_TO_SMSC_LOST(4, "Connection to SMS Center lost"),
    NO_RESPONSE_FROM_SMSC(5, "No response from SMS Center"),
    GENERAL_SYSTEM_ERROR(6, "General system error"),
    CANNOT_FIND_INFORMATION(7, "Cannot find information"),
    PARAMETER_FORMATTING_ERROR(8, "Parameter formatting error"),
    REQUESTED_OPERATION_FAILED(9, "Requested operation failed"),
    /** Temporary: the SMSC is congested; the same request may succeed later. */
    TEMPORARY_CONGESTION(10, "Temporary congestion error"),

    INVALID_LOGIN(100, "Invalid login"),
    INCORRECT_ACCESS_TYPE(101, "Incorrect access type"),
    TOO_MANY_USERS(102, "Too many users with this login ID"),
    LOGIN_REFUSED(103, "Login refused by SMS Center"),
    INVALID_WINDOW_SIZE(104, "Invalid window size"),
    WINDOWING_DISABLED(105, "Windowing disabled"),
    VIRTUAL_SMSC_BARRING(106, "Virtual SMS Center-based barring"),
    INVALID_SUBADDRESS(107, "Invalid subaddr"),
    ALIAS_ACCOUNT_LOGIN_REFUSED(108, "Alias account, login refused"),

    INCORRECT_DESTINATION_ADDRESS(300, "Incorrect destination address"),
    INCORRECT_NUMBER_OF_DESTINATIONS(301, "Incorrect number of destination addresses"),
    USER_DATA_SYNTAX_ERROR(302, "Syntax error in user data parameter"),
    INCORRECT_USER_DATA_COMBINATION(303, "Incorrect bin/head/normal user data parameter combination"),
    INCORRECT_DCS_USAGE(304, "Incorrect dcs parameter usage"),
    INCORRECT_VALIDITY_PERIOD_USAGE(305, "Incorrect validity period parameters usage"),
    INCORRECT_ORIGINATOR_ADDRESS_USAGE(306, "Incorrect originator address usage"),
    INCORRECT_PID_USAGE(307, "Incorrect PID parameter usage"),
    INCORRECT_FIRST_DELIVERY_USAGE(308, "Incorrect first delivery parameter usage"),
    INCORRECT_REPLY_PATH_USAGE(309, "Incorrect reply path usage"),
    INCORRECT_STATUS_REPORT_REQUEST_USAGE(310, "Incorrect status report request parameter usage"),
    INCORRECT_CANCEL_ENABLED_USAGE(311, "Incorrect cancel enabled parameter usage"),
    INCORRECT_PRIORITY_USAGE(312, "Incorrect priority parameter usage"),
    INCORRECT_TARIFF_CLASS_USAGE(313, "Incorrect tariff class parameter usage"),
    INCORRECT_SERVICE_DESCRIPTION_USAGE(314, "Incorrect service description parameter usage"),
    INCORRECT_TRANSPORT_TYPE_USAGE(315, "Incorrect transport type parameter usage"),
    INCORRECT_MESSAGE_TYPE_USAGE(316, "Incorrect message type parameter usage"),
    INCORRECT_MMS_USAGE(318, "Incorrect MMs parameter usage"),
    INCORRECT_OPERATION_TIMER_USAGE(319, "Incorrect operation timer parameter usage"),
    INCORRECT_DIALOGUE_ID_USAGE(320, "Incorrect dialogue ID parameter usage"),
    INCORRECT_ALPHA_ORIGINATOR_USAGE(321, "Incorrect alpha originator address usage"),
    INVALID_ALPHA_ORIGINATOR_DATA(322, "Invalid data for alpha numeric originator"),

    ENQUIRE_INCORRECT_ADDRESS_USAGE(400, "Incorrect address parameter usage"),
    ENQUIRE_INCORRECT_SCTS_USAGE(401, "Incorrect scts parameter usage"),

    DELIVERY_REQUEST_INCORRECT_SCTS_USAGE(500, "Incorrect scts parameter usage"),
    DELIVERY_REQUEST_INCORRECT_MODE_USAGE(501, "Incorrect mode parameter usage"),
    DELIVERY_REQUEST_INCORRECT_COMBINATION(502, "Incorrect parameter combination"),

    CANCEL_INCORRECT_SCTS_USAGE(600, "Incorrect scts parameter usage"),
    CANCEL_INCORRECT_ADDRESS_USAGE(601, "Incorrect address parameter usage"),
    CANCEL_INCORRECT_MODE_USAGE(602, "Incorrect mode parameter usage"),
    CANCEL_INCORRECT_COMBINATION(603, "Incorrect parameter combination"),

    CHANGING_PASSWORD_FAILED(800, "Changing password failed"),
    CHANGING_PASSWORD_NOT_ALLOWED(801, "Changing password not allowed"),

    UNSUPPORTED_ITEM_REQUESTED(900, "Unsupported item requested");

    private static final Map<Integer, Cimd2ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Cimd2ErrorCode::code, Function.identity()));

    private final int code;
    private final String text;

    Cimd2ErrorCode(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The specification's wording, suitable for parameter 901. */
    public String text() {
        return text;
    }

    public static Optional<Cimd2ErrorCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Whether the same request may succeed later (the SMSC, not the message, was the problem). */
    public boolean isTemporary() {
        return this == TEMPORARY_CONGESTION || this == NO_RESPONSE_FROM_SMSC || this == CONNECTION_TO_SMSC_LOST
                || this == GENERAL_SYSTEM_ERROR;
    }
}
