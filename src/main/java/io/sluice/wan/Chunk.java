package io.sluice.wan;

/**
 * Bytes read in one go from one side, on their way to the other.
 *
 * @param bytes the data; empty for the end of the stream
 * @param releaseAtNanos {@link System#nanoTime()} at which the chunk leaves the delay line
 * @param epoch the black-hole epoch it was read in; a chunk from an older epoch was in flight when a
 *     black hole began and is lost
 * @param endOfStream the sender closed its side (a FIN, delayed like data)
 */
record Chunk(byte[] bytes, long releaseAtNanos, long epoch, boolean endOfStream) {

    private static final byte[] NONE = new byte[0];

    static Chunk data(byte[] bytes, long releaseAtNanos, long epoch) {
        return new Chunk(bytes, releaseAtNanos, epoch, false);
    }

    static Chunk endOfStream(long releaseAtNanos, long epoch) {
        return new Chunk(NONE, releaseAtNanos, epoch, true);
    }

    int length() {
        return bytes.length;
    }
}
