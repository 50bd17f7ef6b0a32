package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompFrame;

/**
 * A PC client of the benchmark: one STOMP connection over TCP, subscribed to one queue whose messages a
 * reader thread records in {@link Arrivals} as they come (status updates and other frames are read and
 * dropped, as a chat client would read them).
 */
final class BenchUser implements AutoCloseable {

    private static final Duration READ_SLICE = Duration.ofMillis(500);

    private final StompClient stomp;
    private final Arrivals arrivals = new Arrivals();
    private final Thread reader;
    private volatile boolean open = true;

    private BenchUser(StompClient stomp, String name) {
        this.stomp = stomp;
        this.reader = new Thread(this::readUntilClosed, "bench-reader-" + name);
        this.reader.setDaemon(true);
    }

    /** @param subscription the queue whose messages count as arrivals; null for a client that only sends */
    static BenchUser connect(int stompPort, String login, String password, String subscription)
            throws IOException, TimeoutException {
        StompClient stomp = StompClient.tcp("127.0.0.1", stompPort);
        try {
            stomp.connect(login, password);
            if (subscription != null) {
                stomp.subscribe(subscription, StompClient.AckMode.AUTO);
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            stomp.close();
            throw e;
        }
        BenchUser user = new BenchUser(stomp, login);
        user.reader.start();
        return user;
    }

    Arrivals arrivals() {
        return arrivals;
    }

    /** A durable SEND ({@code persistent:true}: stored on disk before the broker confirms). */
    void send(String destination, Map<String, String> headers, String text) throws IOException {
        stomp.send(destination, durable(headers), text);
    }

    /** As {@link #send}, with a receipt: the future completes once the broker has stored the message. */
    CompletableFuture<StompFrame> sendConfirmed(String destination, Map<String, String> headers, String text)
            throws IOException {
        return stomp.sendExpectingReceipt(destination, durable(headers), text);
    }

    private static Map<String, String> durable(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("persistent", "true");
        return all;
    }

    private void readUntilClosed() {
        while (open) {
            try {
                stomp.nextMessage(READ_SLICE).ifPresent(frame -> arrivals.arrived(frame.body(), System.nanoTime()));
            } catch (IOException | RuntimeException e) {
                return; // the connection ended; the runs waiting on it report what is missing
            }
        }
    }

    @Override
    public void close() {
        open = false;
        stomp.close();
    }
}
