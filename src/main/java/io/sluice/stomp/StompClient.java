package io.sluice.stomp;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal STOMP 1.2 client, over TCP or WebSocket, that talks to the broker the way the chat page does:
 * the tests' PC user and the benchmark's ({@code io.sluice.bench}), so both drive the real STOMP API. Every wait takes or has a timeout; an ERROR from the broker surfaces as
 * {@link StompErrorException} wherever the test is waiting.
 *
 * <pre>{@code
 * try (StompClient alice = StompClient.webSocket(URI.create("ws://localhost:61613"))) {
 *     alice.connect("alice", "secret");
 *     alice.subscribe("/queue/sluice.inbox.alice", StompClient.AckMode.AUTO);
 *     alice.sendWithReceipt("/queue/sluice.outbox", Map.of("to", "+447700900123"), "hi", Duration.ofSeconds(5));
 *     StompFrame status = alice.nextMessage(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }</pre>
 */
public final class StompClient implements AutoCloseable {

    /** For the waits whose method takes no timeout: CONNECT, SUBSCRIBE and DISCONNECT. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How often this client promises to send a heart-beat (the broker allows twice as long). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** STOMP 1.2 §"SUBSCRIBE ack Header". */
    public enum AckMode {
        AUTO("auto"),
        CLIENT("client"),
        CLIENT_INDIVIDUAL("client-individual");

        private final String header;

        AckMode(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private final StompTransport transport;
    private final FrameRouter router;
    private final String host;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stomp-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private StompClient(StompTransport transport, FrameRouter router, String host) {
        this.transport = transport;
        this.router = router;
        this.host = host;
    }

    /** Opens a TCP connection; call {@link #connect} next. */
    public static StompClient tcp(String host, int port) throws IOException {
        FrameRouter router = new FrameRouter();
        return new StompClient(TcpTransport.open(host, port, DEFAULT_TIMEOUT, router), router, host);
    }

    /** Opens a WebSocket with subprotocol v12.stomp, e.g. to {@code ws://localhost:61613}; call {@link #connect} next. */
    public static StompClient webSocket(URI uri) throws IOException {
        FrameRouter router = new FrameRouter();
        return new StompClient(WebSocketTransport.open(uri, DEFAULT_TIMEOUT, router), router, uri.getHost());
    }

    /**
     * Sends CONNECT (STOMP 1.2 §"CONNECT or STOMP Frame") and waits for CONNECTED. The client promises
     * a heart-beat every {@link #HEARTBEAT} and keeps that promise while it is open, as the chat page
     * does, so a client that only listens is not dropped by the broker's connection TTL; it asks for
     * none from the broker.
     *
     * @throws StompErrorException when the broker refuses, e.g. for bad credentials
     */
    public StompFrame connect(String login, String passcode) throws IOException, TimeoutException {
        CompletableFuture<StompFrame> answer = router.expectConnected();
        transport.write(StompFrame.of(StompFrame.CONNECT,
                "accept-version", "1.2",
                "host", host,
                "login", login,
                "passcode", passcode,
                "heart-beat", HEARTBEAT.toMillis() + ",0"));
        StompFrame connected = FrameRouter.await(answer, DEFAULT_TIMEOUT, "CONNECT as " + login);
        // twice as often as promised, so a busy test machine never misses the broker's deadline
        long every = HEARTBEAT.toMillis() / 2;
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        return connected;
    }

    /**
     * Stops sending heart-beats but keeps the connection open: a client that died without closing its
     * socket (a laptop lid shut, a process frozen), for tests of what the broker does about it.
     */
    public void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private void beat() {
        try {
            transport.writeHeartbeat();
        } catch (IOException | RuntimeException e) {
            heartbeats.shutdown(); // the connection is gone; its waiters hear of it from the router
        }
    }

    /** Sends a SEND frame and returns at once; {@code destination} comes first, then {@code headers} in order. */
    public void send(String destination, Map<String, String> headers, String body) throws IOException {
        transport.write(sendFrame(destination, headers, body, null));
    }

    /** Sends a SEND frame asking for a receipt, and returns the RECEIPT once the broker has the message. */
    public StompFrame sendWithReceipt(String destination, Map<String, String> headers, String body, Duration timeout)
            throws IOException, TimeoutException {
        return FrameRouter.await(sendExpectingReceipt(destination, headers, body), timeout, "SEND to " + destination);
    }

    /**
     * Sends a SEND frame asking for a receipt and returns at once; the future completes with the RECEIPT
     * (or fails with the ERROR naming it). Lets a sender keep several messages in flight (benchmarks).
     */
    public CompletableFuture<StompFrame> sendExpectingReceipt(String destination, Map<String, String> headers,
            String body) throws IOException {
        String receiptId = "receipt-" + nextId.getAndIncrement();
        CompletableFuture<StompFrame> receipt = router.expectReceipt(receiptId);
        transport.write(sendFrame(destination, headers, body, receiptId));
        return receipt;
    }

    /**
     * Subscribes and waits for the broker to confirm it (by receipt), so that nothing sent afterwards can
     * race past the subscription. Returns the subscription id.
     */
    public String subscribe(String destination, AckMode ackMode) throws IOException, TimeoutException {
        String id = "sub-" + nextId.getAndIncrement();
        String receiptId = "receipt-" + id;
        CompletableFuture<StompFrame> receipt = router.expectReceipt(receiptId);
        transport.write(StompFrame.of(StompFrame.SUBSCRIBE,
                "id", id,
                "destination", destination,
                "ack", ackMode.header(),
                "receipt", receiptId));
        FrameRouter.await(receipt, DEFAULT_TIMEOUT, "SUBSCRIBE to " + destination);
        return id;
    }

    /** Acknowledges a MESSAGE received on a client or client-individual subscription (§"ACK"). */
    public void ack(StompFrame message) throws IOException {
        String ackId = message.header("ack");
        if (ackId == null) {
            throw new IllegalArgumentException("Not an acknowledgeable MESSAGE (no ack header; auto subscription?): "
                    + message);
        }
        transport.write(StompFrame.of(StompFrame.ACK, "id", ackId));
    }

    /** Writes any frame as it is, for tests that need what the helpers above do not send. */
    public void sendFrame(StompFrame frame) throws IOException {
        transport.write(frame);
    }

    /**
     * The next MESSAGE, skipping other queued frames; empty if none arrives within the timeout.
     *
     * @throws StompErrorException when an ERROR arrives first
     * @throws IOException when the connection has ended
     */
    public Optional<StompFrame> nextMessage(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<StompFrame> frame = router.next(left);
            if (frame.isEmpty() || StompFrame.MESSAGE.equals(frame.get().command())) {
                return frame;
            }
            if (StompFrame.ERROR.equals(frame.get().command())) {
                throw new StompErrorException(frame.get());
            }
        }
    }

    /**
     * The next frame not claimed by a waiting call (MESSAGE, ERROR, unexpected RECEIPT); empty if none
     * arrives within the timeout.
     *
     * @throws IOException when the connection has ended and no frame is left
     */
    public Optional<StompFrame> nextFrame(Duration timeout) throws IOException {
        return router.next(timeout);
    }

    /** §"Connecting", graceful shutdown: DISCONNECT with a receipt, wait for it, then close. */
    public void disconnect() throws IOException, TimeoutException {
        try {
            String receiptId = "disconnect-" + nextId.getAndIncrement();
            CompletableFuture<StompFrame> receipt = router.expectReceipt(receiptId);
            transport.write(StompFrame.of(StompFrame.DISCONNECT, "receipt", receiptId));
            FrameRouter.await(receipt, DEFAULT_TIMEOUT, "DISCONNECT");
        } finally {
            close();
        }
    }

    /** Closes the connection without DISCONNECT; waiting calls fail at once. Idempotent. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        transport.close();
        // The transport reports the close from its own thread; tell waiters now, not when that thread runs.
        router.onClosed(new IOException("Connection closed by the client"));
    }

    private static StompFrame sendFrame(String destination, Map<String, String> headers, String body, String receipt) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("destination", destination);
        all.putAll(headers);
        if (receipt != null) {
            all.put("receipt", receipt);
        }
        return new StompFrame(StompFrame.SEND, all, body);
    }
}
