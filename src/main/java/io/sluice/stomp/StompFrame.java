package io.sluice.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One STOMP 1.2 frame (STOMP 1.2 §"STOMP Frames"): a command, headers in wire order and a UTF-8 body.
 * {@link #encode()} writes it with the header escaping of §"Value Encoding" and a {@code content-length}
 * on the frames that may carry a body (§"Body"), so bodies may contain NUL.
 */
public record StompFrame(String command, Map<String, String> headers, String body) {

    public static final String CONNECT = "CONNECT";
    public static final String CONNECTED = "CONNECTED";
    public static final String SEND = "SEND";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String UNSUBSCRIBE = "UNSUBSCRIBE";
    public static final String ACK = "ACK";
    public static final String NACK = "NACK";
    public static final String DISCONNECT = "DISCONNECT";
    public static final String MESSAGE = "MESSAGE";
    public static final String RECEIPT = "RECEIPT";
    public static final String ERROR = "ERROR";

    static final String CONTENT_LENGTH = "content-length";
    static final byte NUL = 0;
    static final byte LF = '\n';
    static final byte CR = '\r';

    /** Commands are upper-case words; anything else on a command line is not STOMP. */
    static final Pattern COMMAND = Pattern.compile("[A-Z]+");

    /** §"Body": only these frames may have a body, so they always get a content-length, even 0. */
    private static final Set<String> WITH_BODY = Set.of(SEND, MESSAGE, ERROR);

    public StompFrame {
        if (command == null || !COMMAND.matcher(command).matches()) {
            throw new IllegalArgumentException("Not a STOMP command: '" + command + "'");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        body = body == null ? "" : body;
    }

    /** A body-less frame from name/value pairs, in the order given. */
    public static StompFrame of(String command, String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come in name/value pairs");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new StompFrame(command, headers, "");
    }

    /** The value of a header, or null when the frame has none. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The frame as it goes on the wire, NUL included. */
    public byte[] encode() {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> wire = new LinkedHashMap<>(headers);
        // The computed length replaces a caller's: a wrong one would desynchronise the peer's decoder.
        wire.remove(CONTENT_LENGTH);
        if (WITH_BODY.contains(command) || bodyBytes.length > 0) {
            wire.put(CONTENT_LENGTH, Integer.toString(bodyBytes.length));
        }
        boolean escape = escapesHeaders(command);
        StringBuilder head = new StringBuilder(command).append('\n');
        wire.forEach((name, value) -> head.append(escape ? escape(name) : name)
                .append(':')
                .append(escape ? escape(value) : value)
                .append('\n'));
        head.append('\n');

        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + bodyBytes.length + 1);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bodyBytes);
        out.write(NUL);
        return out.toByteArray();
    }

    /**
     * §"Value Encoding": CONNECT and CONNECTED are exempt from escaping, to stay readable by STOMP 1.0
     * peers, which negotiate the version with exactly these two frames.
     */
    static boolean escapesHeaders(String command) {
        return !CONNECT.equals(command) && !CONNECTED.equals(command);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ':' -> out.append("\\c");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        // Test failures print frames: show enough body to recognise it, not a whole payload.
        String shown = body.length() <= 200 ? body : body.substring(0, 200) + "…";
        return command + headers + (body.isEmpty() ? "" : " body=\"" + shown + "\"");
    }
}
