package io.sluice.stomp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * STOMP over WebSocket with subprotocol {@value #SUBPROTOCOL}. Artemis sends one frame per message, as
 * text or binary depending on its acceptor's {@code webSocketEncoderType}; both go through the same
 * decoder, so a frame split over messages or several frames in one would decode too.
 */
final class WebSocketTransport implements StompTransport, WebSocket.Listener {

    static final String SUBPROTOCOL = "v12.stomp";

    private final Inbound inbound;
    private final Duration timeout;
    private final StompFrameDecoder decoder = new StompFrameDecoder();
    /** Text arrives in pieces that may split a UTF-8 sequence; encode only whole messages. */
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket webSocket;
    private final AtomicBoolean finished = new AtomicBoolean();

    private WebSocketTransport(Inbound inbound, Duration timeout) {
        this.inbound = inbound;
        this.timeout = timeout;
    }

    static WebSocketTransport open(URI uri, Duration timeout, Inbound inbound) throws IOException {
        WebSocketTransport transport = new WebSocketTransport(inbound, timeout);
        CompletableFuture<WebSocket> handshake = HttpClient.newBuilder().connectTimeout(timeout).build()
                .newWebSocketBuilder()
                .subprotocols(SUBPROTOCOL)
                .connectTimeout(timeout)
                .buildAsync(uri, transport);
        transport.webSocket = await(handshake, timeout, "WebSocket handshake with " + uri);
        return transport;
    }

    @Override
    public void write(StompFrame frame) throws IOException {
        send(new String(frame.encode(), StandardCharsets.UTF_8), "Sending " + frame.command());
    }

    @Override
    public void writeHeartbeat() throws IOException {
        send("\n", "Sending a heart-beat");
    }

    /**
     * One text message; java.net.http.WebSocket allows one outstanding send at a time. A send that failed or
     * timed out ends the connection for the reader too: java.net.http reports a failure of the output side to
     * the send's future, and nothing obliges it to tell the listener as well; a reader would then wait for
     * frames on a connection that can no longer carry any. (StompBadInputIT once waited 10 s for the end of a
     * connection the broker had cut for a frame too large while the client was sending it.)
     */
    private synchronized void send(String text, String what) throws IOException {
        try {
            await(webSocket.sendText(text, true), timeout, what);
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (IOException failed) {
            webSocket.abort();
            finish(failed);
            throw failed;
        }
    }

    @Override
    public void close() {
        WebSocket socket = webSocket;
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ws, error) -> socket.abort());
        }
        finish(new IOException("Connection closed by the client"));
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            decode(socket, bytes);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        decode(socket, bytes);
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        finish(new EOFException("Broker closed the WebSocket: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        finish(new IOException("WebSocket failed: " + error, error));
    }

    private void decode(WebSocket socket, byte[] bytes) {
        try {
            decoder.feed(bytes, 0, bytes.length, inbound::onFrame);
        } catch (StompFrameException e) {
            socket.abort();
            finish(new IOException("Undecodable message from the broker: " + e.getMessage(), e));
        }
    }

    private void finish(IOException cause) {
        // The broker's close, an error and the client's close can race; the inbound hears of one.
        if (finished.compareAndSet(false, true)) {
            inbound.onClosed(cause);
        }
    }

    /** Every wait on the WebSocket is bounded; failures come back as IOExceptions naming what failed. */
    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException(what + " took longer than " + timeout);
        } catch (ExecutionException e) {
            throw new IOException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " was interrupted");
        }
    }
}
