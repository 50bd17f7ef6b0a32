package io.sluice.sms.cimd2;

/**
 * The packet numbers one side gives its requests (CIMD Interface Specification §3.2): the client uses the
 * odd numbers 001-255, the SMSC the even numbers 000-254, each counting up by two and wrapping. Not
 * thread-safe: one session, one sender.
 */
public final class Cimd2PacketNumbers {

    private static final int STEP = 2;
    private static final int RANGE = Cimd2Framing.MAX_PACKET_NUMBER + 1;
    private static final int FIRST_CLIENT = 1;
    private static final int FIRST_SMSC = 0;

    private final int first;
    private int next;

    private Cimd2PacketNumbers(int first) {
        this.first = first;
        this.next = first;
    }

    public static Cimd2PacketNumbers forClient() {
        return new Cimd2PacketNumbers(FIRST_CLIENT);
    }

    public static Cimd2PacketNumbers forSmsc() {
        return new Cimd2PacketNumbers(FIRST_SMSC);
    }

    /** The number for the next request. */
    public int next() {
        int number = next;
        next = (next + STEP) % RANGE;
        return number;
    }

    /** Starts again from the first number, as after a new login (Kannel's client does the same). */
    public void reset() {
        next = first;
    }

    /** Whether {@code number} is one this side's peer may use: odd when we are the SMSC, even when we are the client. */
    public boolean isPeerNumber(int number) {
        return number >= 0 && number < RANGE && number % STEP != first;
    }
}
