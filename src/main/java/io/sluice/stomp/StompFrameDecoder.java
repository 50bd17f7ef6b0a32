package io.sluice.stomp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a byte stream into STOMP 1.2 frames (STOMP 1.2 §"Augmented BNF"). It does no I/O: feed it the
 * bytes of each read, in whatever pieces they came, and it hands back each frame once its last byte
 * (the NUL) is in; what is left over waits for the next read. Heart-beat EOLs between frames are skipped.
 *
 * <p>Malformed input and frames past the limits throw {@link StompFrameException} and leave the decoder
 * in {@link State#BAD_FRAME}: every later feed throws too, since the frame boundaries are lost.
 */
public final class StompFrameDecoder {

    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Where in a frame the next byte belongs. */
    enum State { BETWEEN_FRAMES, HEADERS, BODY, BAD_FRAME }

    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    private byte[] buffer = new byte[4096];
    /** Buffered, undecoded bytes are buffer[start, end); the frame being decoded begins at start. */
    private int start;
    private int end;

    private State state = State.BETWEEN_FRAMES;
    /** How far (from start) the current search has looked, so a frame arriving in many reads is scanned once. */
    private int scanned;
    private String command;
    private Map<String, String> headers;
    /** Offset of the body from start; the header block, blank line included, is before it. */
    private int bodyOffset;
    /** From the content-length header, or -1 when the body ends at the first NUL. */
    private int contentLength;
    private String failure;

    public StompFrameDecoder() {
        this(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    public StompFrameDecoder(int maxHeaderBytes, int maxBodyBytes) {
        if (maxHeaderBytes < 16 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("Limits too small: maxHeaderBytes=" + maxHeaderBytes
                    + " (at least 16), maxBodyBytes=" + maxBodyBytes + " (at least 0)");
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The frames these bytes complete, in order. */
    public List<StompFrame> feed(byte[] bytes) {
        List<StompFrame> frames = new ArrayList<>();
        feed(bytes, 0, bytes.length, frames::add);
        return frames;
    }

    /**
     * Passes each frame these bytes complete to {@code sink} as soon as it is decoded, so frames that came
     * before a bad one in the same read are delivered before the exception.
     */
    public void feed(byte[] bytes, int offset, int length, Consumer<StompFrame> sink) {
        if (state == State.BAD_FRAME) {
            throw new StompFrameException("Stream already failed: " + failure);
        }
        append(bytes, offset, length);
        try {
            while (step(sink)) {
                // each step consumes what it can; false means it needs more bytes
            }
        } catch (StompFrameException e) {
            fail(e.getMessage());
            throw e;
        }
    }

    /** Bytes held back because the frame they start is not complete yet. */
    public int buffered() {
        return end - start;
    }

    State state() {
        return state;
    }

    /** Advances by at most one part of a frame; false when more bytes are needed. */
    private boolean step(Consumer<StompFrame> sink) {
        return switch (state) {
            case BETWEEN_FRAMES -> skipHeartBeats();
            case HEADERS -> readHeaders();
            case BODY -> readBody(sink);
            case BAD_FRAME -> false;
        };
    }

    /** §"Heart-beating": a peer may send EOLs between frames at any time. */
    private boolean skipHeartBeats() {
        while (start < end) {
            byte b = buffer[start];
            if (b == StompFrame.LF) {
                start++;
            } else if (b == StompFrame.CR) {
                if (start + 1 == end) {
                    return false;
                }
                if (buffer[start + 1] != StompFrame.LF) {
                    throw new StompFrameException("CR not followed by LF between frames");
                }
                start += 2;
            } else {
                state = State.HEADERS;
                scanned = 0;
                return true;
            }
        }
        return false;
    }

    /** Waits for the blank line that ends the header block, then parses the block in one go. */
    private boolean readHeaders() {
        for (int i = start + scanned; i < end; i++) {
            if (buffer[i] == StompFrame.NUL) {
                throw new StompFrameException("NUL inside the header block of '" + firstLine() + "'"
                        + " (a frame needs a command line, headers and a blank line before its body)");
            }
            if (buffer[i] == StompFrame.LF && endsHeaderBlock(i)) {
                parseHeaderBlock(i + 1 - start);
                state = State.BODY;
                scanned = bodyOffset;
                return true;
            }
        }
        scanned = end - start;
        if (scanned > maxHeaderBytes) {
            throw new StompFrameException("Header block longer than " + maxHeaderBytes + " bytes, starting '"
                    + firstLine() + "'");
        }
        return false;
    }

    /** True when the LF at {@code lf} ends an empty line other than the command line. */
    private boolean endsHeaderBlock(int lf) {
        int lineStart = lf > start && buffer[lf - 1] == StompFrame.CR ? lf - 1 : lf;
        return lineStart > start && buffer[lineStart - 1] == StompFrame.LF;
    }

    private void parseHeaderBlock(int blockLength) {
        if (blockLength > maxHeaderBytes) {
            throw new StompFrameException("Header block of " + blockLength + " bytes exceeds the limit of "
                    + maxHeaderBytes + ", starting '" + firstLine() + "'");
        }
        String[] lines = utf8Strict(start, blockLength).split("\n", -1);
        command = stripCr(lines[0]);
        if (!StompFrame.COMMAND.matcher(command).matches()) {
            throw new StompFrameException("Not a STOMP command line: '" + printable(command) + "'");
        }
        boolean escaped = StompFrame.escapesHeaders(command);
        headers = new LinkedHashMap<>();
        // The block ends with the blank line, so the last two entries of the split are empty.
        for (int i = 1; i < lines.length - 2; i++) {
            String line = stripCr(lines[i]);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new StompFrameException("Header line without ':' in " + command + ": '" + printable(line) + "'");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            // §"Repeated Header Entries": the first occurrence is the one that counts.
            headers.putIfAbsent(escaped ? unescape(name) : name, escaped ? unescape(value) : value);
        }
        bodyOffset = blockLength;
        contentLength = contentLength(headers.get(StompFrame.CONTENT_LENGTH));
    }

    private int contentLength(String header) {
        if (header == null) {
            return -1;
        }
        if (!header.matches("\\d{1,10}")) {
            throw new StompFrameException("content-length is not a byte count in " + command + ": '"
                    + printable(header) + "'");
        }
        long length = Long.parseLong(header);
        if (length > maxBodyBytes) {
            throw new StompFrameException(command + " body of " + length + " bytes exceeds the limit of "
                    + maxBodyBytes);
        }
        return (int) length;
    }

    private boolean readBody(Consumer<StompFrame> sink) {
        int nul;
        if (contentLength >= 0) {
            nul = start + bodyOffset + contentLength;
            if (nul >= end) {
                return false;
            }
            if (buffer[nul] != StompFrame.NUL) {
                throw new StompFrameException(command + " body is not followed by NUL after its content-length of "
                        + contentLength + " bytes");
            }
        } else {
            nul = indexOfNul(start + scanned);
            if (nul < 0) {
                scanned = end - start;
                if (scanned - bodyOffset > maxBodyBytes) {
                    throw new StompFrameException(command + " body exceeds the limit of " + maxBodyBytes
                            + " bytes without a NUL");
                }
                return false;
            }
        }
        int bodyStart = start + bodyOffset;
        String body = new String(buffer, bodyStart, nul - bodyStart, StandardCharsets.UTF_8);
        StompFrame frame = new StompFrame(command, headers, body);
        start = nul + 1;
        state = State.BETWEEN_FRAMES;
        sink.accept(frame);
        return true;
    }

    private int indexOfNul(int from) {
        for (int i = from; i < end; i++) {
            if (buffer[i] == StompFrame.NUL) {
                return i;
            }
        }
        return -1;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (start > 0) {
            // Offsets are kept relative to start, so moving the pending bytes to the front is safe.
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, end + length));
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    private void fail(String reason) {
        state = State.BAD_FRAME;
        failure = reason;
        buffer = new byte[0];
        start = 0;
        end = 0;
    }

    /** Headers are checked strictly: a garbled header is garbage, not text with a replacement char. */
    private String utf8Strict(int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StompFrameException("Header block is not UTF-8, starting '" + firstLine() + "'");
        }
    }

    /** §"Value Encoding": only these four escapes exist; any other is a fatal protocol error. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(++i) : 0;
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'c' -> out.append(':');
                default -> throw new StompFrameException("Undefined escape sequence in header: '"
                        + printable(text) + "'");
            }
        }
        return out.toString();
    }

    private String firstLine() {
        int length = 0;
        while (start + length < end && length < 40 && buffer[start + length] != StompFrame.LF) {
            length++;
        }
        return printable(new String(buffer, start, length, StandardCharsets.ISO_8859_1));
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Error messages quote the offending input; keep them one short, readable line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() > 40 ? out + "…" : out.toString();
    }
}
