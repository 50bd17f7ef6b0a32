package io.sluice.wan;

/**
 * Bandwidth of one direction: a slice of bytes leaves only once the previous ones and itself have
 * been "serialised" onto the wire at the current rate. Bytes are written in slices of about
 * {@link #QUANTUM_NANOS} of transmission time, so a large chunk trickles out instead of leaving in
 * one burst after a long pause.
 */
final class Pacer {

    /** Rate 0: no cap. */
    static final long UNLIMITED = 0;
    /** Transmission time of one slice; small enough that a capped link looks smooth to the peer. */
    static final long QUANTUM_NANOS = 10_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private boolean busy;
    private long freeAtNanos;

    /** How many of {@code remaining} bytes to write next at this rate. */
    static int sliceBytes(long bytesPerSecond, int remaining) {
        if (bytesPerSecond == UNLIMITED) {
            return remaining;
        }
        long perQuantum = Math.max(1, bytesPerSecond * QUANTUM_NANOS / NANOS_PER_SECOND);
        return (int) Math.min(remaining, perQuantum);
    }

    /**
     * Reserves the wire for {@code bytes} and says when they have been transmitted: the slice may be
     * written then. Idle time is not saved up, so a link that was quiet gets no burst.
     */
    long transmittedAt(long nowNanos, int bytes, long bytesPerSecond) {
        if (bytesPerSecond == UNLIMITED) {
            busy = false;
            return nowNanos;
        }
        long start = busy && freeAtNanos - nowNanos > 0 ? freeAtNanos : nowNanos;
        freeAtNanos = start + bytes * NANOS_PER_SECOND / bytesPerSecond;
        busy = true;
        return freeAtNanos;
    }
}
