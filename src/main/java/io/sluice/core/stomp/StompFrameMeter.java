package io.sluice.core.stomp;

import java.nio.charset.StandardCharsets;

/**
 * Follows the frames of one STOMP connection's byte stream (STOMP 1.2 §"Augmented BNF": command line,
 * header lines, a blank line, the body, NUL; end-of-lines between frames are heart-beats) and says when
 * a frame may not be let through: larger than the limit (a frame that never ends included), or
 * declaring a {@code content-length} that is not a number of bytes within the limit. Artemis' decoder
 * buffers a frame until its end without any limit, and believes any content-length, so this runs
 * before it (see {@link StompFrameLimit}).
 *
 * <p>Frames are cut as Artemis cuts them: headers end at a line that is empty or holds only a CR, a
 * body with a content-length is that many bytes and the NUL after it, any other body ends at the first
 * NUL; the last content-length of a frame counts. Pure: bytes in, verdict out.
 */
public final class StompFrameMeter {

    /** What the bytes so far amount to; anything but {@link #OK} ends the connection. */
    public enum Verdict {
        OK,
        /** A frame (command, headers and body) longer than the limit, or still unfinished beyond it. */
        FRAME_TOO_LARGE,
        /** A content-length that is not a plain number of bytes, or more than the limit. */
        BAD_CONTENT_LENGTH
    }

    private enum State { BETWEEN_FRAMES, COMMAND, HEADERS, BODY_TO_NUL, BODY_COUNTED }

    private static final byte NUL = 0;
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    /** Enough of a header line to read a content-length: its name, a few spaces, ten digits. */
    private static final int KEPT_LINE_BYTES = CONTENT_LENGTH.length + 32;

    private final int maxFrameBytes;
    private final byte[] line = new byte[KEPT_LINE_BYTES];
    private State state = State.BETWEEN_FRAMES;
    private long frameBytes;
    private int lineLength;
    private long contentLength;
    private long bodyLeft;
    private Verdict verdict = Verdict.OK;

    public StompFrameMeter(int maxFrameBytes) {
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("A STOMP frame limit below 1024 bytes leaves no room for headers: "
                    + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Takes the next bytes of the stream; once the verdict is not OK it stays so. */
    public Verdict accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && verdict == Verdict.OK; i++) {
            accept(bytes[i]);
        }
        return verdict;
    }

    private void accept(byte b) {
        if (state == State.BETWEEN_FRAMES) {
            if (b == LF || b == CR) {
                return; // heart-beat
            }
            state = State.COMMAND;
            frameBytes = 0;
            contentLength = -1;
        }
        if (++frameBytes > maxFrameBytes) {
            verdict = Verdict.FRAME_TOO_LARGE;
            return;
        }
        switch (state) {
            case COMMAND -> {
                if (b == LF) {
                    state = State.HEADERS;
                    lineLength = 0;
                }
            }
            case HEADERS -> headerByte(b);
            case BODY_TO_NUL -> {
                if (b == NUL) {
                    state = State.BETWEEN_FRAMES;
                }
            }
            case BODY_COUNTED -> {
                if (--bodyLeft == 0) {
                    state = State.BETWEEN_FRAMES; // that was the NUL after the body
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void headerByte(byte b) {
        if (b != LF) {
            if (lineLength < KEPT_LINE_BYTES) {
                line[lineLength] = b;
            }
            lineLength++;
            return;
        }
        boolean blank = lineLength == 0 || (lineLength == 1 && line[0] == CR);
        if (blank) {
            if (contentLength >= 0) {
                state = State.BODY_COUNTED;
                bodyLeft = contentLength + 1;
            } else {
                state = State.BODY_TO_NUL;
            }
        } else if (startsWithContentLength()) {
            contentLength = contentLengthValue();
            if (contentLength < 0) {
                verdict = Verdict.BAD_CONTENT_LENGTH;
            }
        }
        lineLength = 0;
    }

    private boolean startsWithContentLength() {
        if (lineLength < CONTENT_LENGTH.length) {
            return false;
        }
        for (int i = 0; i < CONTENT_LENGTH.length; i++) {
            if (line[i] != CONTENT_LENGTH[i]) {
                return false;
            }
        }
        return true;
    }

    /** The declared length, or -1 when it is not digits (spaces around allowed) or exceeds the limit. */
    private long contentLengthValue() {
        if (lineLength > KEPT_LINE_BYTES) {
            return -1;
        }
        String value = new String(line, CONTENT_LENGTH.length, lineLength - CONTENT_LENGTH.length,
                StandardCharsets.US_ASCII).strip();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long length = Long.parseLong(value);
        return length <= maxFrameBytes ? length : -1;
    }
}
