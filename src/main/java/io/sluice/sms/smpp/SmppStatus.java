package io.sluice.sms.smpp;

/**
 * SMPP 3.4 command_status values Sluice sends or acts on (SMPP 3.4 section 5.1.3, table 5-2), shared
 * by the edge (ESME side) and the SMSC emulator. Temporary ones invite the same request again later;
 * any other non-zero status refuses it for good.
 */
public enum SmppStatus {
    /** No error. */
    ESME_ROK(0x00000000, false),
    /** Message length is invalid (a command_length the reader refuses, ADR 0040). */
    ESME_RINVCMDLEN(0x00000002, false),
    /** Invalid command ID: an operation the peer does not implement. */
    ESME_RINVCMDID(0x00000003, false),
    /** System error (temporary: the SMSC had a problem, not the message). */
    ESME_RSYSERR(0x00000008, true),
    /** Invalid source address. */
    ESME_RINVSRCADR(0x0000000A, false),
    /** Invalid destination address. */
    ESME_RINVDSTADR(0x0000000B, false),
    /** Invalid password in a bind. */
    ESME_RINVPASWD(0x0000000E, false),
    /** Invalid system_id in a bind. */
    ESME_RINVSYSID(0x0000000F, false),
    /** cancel_sm failed. */
    ESME_RCANCELFAIL(0x00000011, false),
    /** replace_sm failed. */
    ESME_RREPLACEFAIL(0x00000013, false),
    /** Message queue full (temporary). */
    ESME_RMSGQFUL(0x00000014, true),
    /** Throttling error: the ESME exceeded its allowed rate (temporary). */
    ESME_RTHROTTLED(0x00000058, true),
    /** Temporary application error, from the receiving application (deliver_sm_resp). */
    ESME_RX_T_APPN(0x00000064, true),
    /** Permanent application error. */
    ESME_RX_P_APPN(0x00000065, false),
    /** Application rejected the message. */
    ESME_RX_R_APPN(0x00000066, false),
    /** query_sm failed: unknown message_id. */
    ESME_RQUERYFAIL(0x00000067, false);

    private final int code;
    private final boolean temporary;

    SmppStatus(int code, boolean temporary) {
        this.code = code;
        this.temporary = temporary;
    }

    public int code() {
        return code;
    }

    /** Whether the peer invites the same request again later (its queue or rate is the problem). */
    public static boolean isTemporary(int code) {
        for (SmppStatus status : values()) {
            if (status.code == code) {
                return status.temporary;
            }
        }
        return false;
    }

    public static String describe(int code) {
        String name = name(code);
        return name.startsWith("0x") ? "command_status " + name : name + String.format(" (0x%08X)", code);
    }

    /** The status's name, or its hex value if it is not one of ours. */
    public static String name(int code) {
        for (SmppStatus status : values()) {
            if (status.code == code) {
                return status.name();
            }
        }
        return String.format("0x%08X", code);
    }
}
