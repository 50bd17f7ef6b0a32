package io.sluice.core.stomp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.sluice.core.Destinations;
import io.sluice.im.Headers;
import org.apache.activemq.artemis.core.protocol.stomp.Stomp;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Marks a chat message whose bytes are not UTF-8 (STOMP 1.2 §"Value Encoding": frames are UTF-8) so the
 * dispatcher fails it with {@code INVALID_TEXT} instead of passing on a text with characters silently
 * replaced (ADR 0018). Artemis decodes with replacement: a body without content-length and every header
 * reach the message already mangled, so the body is checked here on its raw bytes, and headers for the
 * replacement character their decoding left. The marker is {@link Headers#INVALID_TEXT}; a client's own
 * header of that name is dropped first.
 */
public final class StompTextCheck implements StompFrameInterceptor {

    /** The outbox as STOMP clients name it, with the acceptor's anycast prefix or without. */
    private static final java.util.Set<String> OUTBOX = java.util.Set.of("/queue/" + Destinations.OUTBOX, Destinations.OUTBOX);
    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) {
        if (Stomp.Commands.SEND.equals(frame.getCommand())
                && OUTBOX.contains(String.valueOf(frame.getHeader(Stomp.Headers.Send.DESTINATION)))) {
            frame.getHeadersMap().remove(Headers.INVALID_TEXT);
            problem(frame).ifPresent(detail -> frame.addHeader(Headers.INVALID_TEXT, detail));
        }
        return true;
    }

    /** What is not UTF-8 in this frame, in words for the sender; empty if all is. */
    static Optional<String> problem(StompFrame frame) {
        for (Map.Entry<String, String> header : frame.getHeadersMap().entrySet()) {
            if (header.getKey().indexOf(REPLACEMENT) >= 0 || header.getValue().indexOf(REPLACEMENT) >= 0) {
                return Optional.of("The header '" + header.getKey().replace(REPLACEMENT, '?')
                        + "' is not valid UTF-8 (or holds U+FFFD, the replacement character).");
            }
        }
        byte[] body = frame.getBodyAsBytes();
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body == null ? new byte[0] : body);
        try {
            strict.decode(bytes);
            return Optional.empty();
        } catch (CharacterCodingException invalid) {
            return Optional.of("The text is not valid UTF-8 (from byte " + bytes.position() + " of " + bytes.limit() + ").");
        }
    }
}
