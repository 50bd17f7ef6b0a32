package io.sluice.sms.smpp;

/**
 * SMPP 3.4 command_status values Sluice acts on (SMPP 3.4 section 5.1.3, table 5-2).
 * Temporary ones are retried with the same message; any other non-zero status fails the message.
 */
public enum SmppStatus {
    ESME_ROK(0x00000000, false),
    ESME_RMSGQFUL(0x00000014, true),
    ESME_RSYSERR(0x00000008, true),
    ESME_RTHROTTLED(0x00000058, true),
    ESME_RINVDSTADR(0x0000000B, false),
    ESME_RINVSRCADR(0x0000000A, false),
    ESME_RX_T_APPN(0x00000064, true),
    ESME_RX_P_APPN(0x00000065, false),
    ESME_RX_R_APPN(0x00000066, false);

    private final int code;
    private final boolean temporary;

    SmppStatus(int code, boolean temporary) {
        this.code = code;
        this.temporary = temporary;
    }

    public int code() {
        return code;
    }

    /** Whether the SMSC invites the same request again later (its queue or rate is the problem). */
    public static boolean isTemporary(int code) {
        for (SmppStatus status : values()) {
            if (status.code == code) {
                return status.temporary;
            }
        }
        return false;
    }

    public static String describe(int code) {
        for (SmppStatus status : values()) {
            if (status.code == code) {
                return status.name() + String.format(" (0x%08X)", code);
            }
        }
        return String.format("command_status 0x%08X", code);
    }
}
