package io.sluice.emulator.smpp;

/** The command_status values the emulator sends (SMPP 3.4 §5.1.3, table 5-2). */
public final class SmppStatus {

    /** No error. */
    public static final int ESME_ROK = 0x00000000;
    /** Invalid command ID: the emulator does not implement the operation. */
    public static final int ESME_RINVCMDID = 0x00000003;
    /** System error. */
    public static final int ESME_RSYSERR = 0x00000008;
    /** Invalid destination address; scripted by {@code #REJECT}. */
    public static final int ESME_RINVDSTADR = 0x0000000B;
    /** Invalid password in a bind. */
    public static final int ESME_RINVPASWD = 0x0000000E;
    /** Invalid system_id in a bind. */
    public static final int ESME_RINVSYSID = 0x0000000F;
    /** cancel_sm failed: the emulator delivers at once, so there is never anything left to cancel. */
    public static final int ESME_RCANCELFAIL = 0x00000011;
    /** replace_sm failed, for the same reason. */
    public static final int ESME_RREPLACEFAIL = 0x00000013;
    /** Message queue full (temporary); scripted by {@code #QFULL}. */
    public static final int ESME_RMSGQFUL = 0x00000014;
    /** Throttling error, the ESME exceeded its allowed rate (temporary); scripted by {@code #THROTTLE}. */
    public static final int ESME_RTHROTTLED = 0x00000058;
    /** query_sm failed: unknown message_id. */
    public static final int ESME_RQUERYFAIL = 0x00000067;

    private SmppStatus() {
    }
}
