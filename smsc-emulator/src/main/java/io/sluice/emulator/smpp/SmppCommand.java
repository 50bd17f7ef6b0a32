package io.sluice.emulator.smpp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SMPP 3.4 command_id values (SMPP 3.4 §5.1.2.1, table 5-1).
 *
 * <p>{@code handshaked} marks the ESME requests a sequentially handshaking ESME sends one at a time:
 * each waits for its response before the next one goes (window of one).
 */
public enum SmppCommand {
    GENERIC_NACK(0x80000000, false),
    BIND_RECEIVER(0x00000001, false),
    BIND_RECEIVER_RESP(0x80000001, false),
    BIND_TRANSMITTER(0x00000002, false),
    BIND_TRANSMITTER_RESP(0x80000002, false),
    QUERY_SM(0x00000003, true),
    QUERY_SM_RESP(0x80000003, false),
    SUBMIT_SM(0x00000004, true),
    SUBMIT_SM_RESP(0x80000004, false),
    DELIVER_SM(0x00000005, false),
    DELIVER_SM_RESP(0x80000005, false),
    UNBIND(0x00000006, false),
    UNBIND_RESP(0x80000006, false),
    REPLACE_SM(0x00000007, true),
    REPLACE_SM_RESP(0x80000007, false),
    CANCEL_SM(0x00000008, true),
    CANCEL_SM_RESP(0x80000008, false),
    BIND_TRANSCEIVER(0x00000009, false),
    BIND_TRANSCEIVER_RESP(0x80000009, false),
    OUTBIND(0x0000000B, false),
    ENQUIRE_LINK(0x00000015, false),
    ENQUIRE_LINK_RESP(0x80000015, false),
    SUBMIT_MULTI(0x00000021, true),
    SUBMIT_MULTI_RESP(0x80000021, false),
    ALERT_NOTIFICATION(0x00000102, false),
    DATA_SM(0x00000103, true),
    DATA_SM_RESP(0x80000103, false);

    /** SMPP 3.4 §5.1.2.1: a response's command_id is its request's with the top bit set. */
    public static final int RESPONSE_BIT = 0x80000000;

    private static final Map<Integer, SmppCommand> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(SmppCommand::id, Function.identity()));

    private final int id;
    private final boolean handshaked;

    SmppCommand(int id, boolean handshaked) {
        this.id = id;
        this.handshaked = handshaked;
    }

    public int id() {
        return id;
    }

    /** Whether this is an ESME request that waits for its response before the next one (window of one). */
    public boolean isHandshaked() {
        return handshaked;
    }

    /** The command name as the specification writes it, e.g. {@code submit_sm}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SmppCommand> of(int commandId) {
        return Optional.ofNullable(BY_ID.get(commandId));
    }

    /** The specification's name of a command_id, or its hex value when it is not an SMPP 3.4 command. */
    public static String nameOf(int commandId) {
        return of(commandId).map(SmppCommand::wireName).orElseGet(() -> String.format("0x%08X", commandId));
    }

    public static boolean isResponse(int commandId) {
        return (commandId & RESPONSE_BIT) != 0;
    }

    /** The command_id of the request a response answers. */
    public static int requestOf(int responseId) {
        return responseId & ~RESPONSE_BIT;
    }
}
