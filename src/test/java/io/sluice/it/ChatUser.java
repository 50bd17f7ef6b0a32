package io.sluice.it;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompFrame;

/**
 * A PC user on the STOMP API: logged in, subscribed to their inbox, sending to the outbox. Keeps every
 * inbox message it has seen so tests can wait for a particular chat message or status.
 */
final class ChatUser implements AutoCloseable {

    // generous: a 500-message burst through the rings on a busy 2-core CI machine takes over a minute
    static final Duration WAIT = Duration.ofMinutes(3);

    final String login;
    private final StompClient stomp;
    private final List<StompFrame> seen = new ArrayList<>();

    private ChatUser(String login, StompClient stomp) {
        this.login = login;
        this.stomp = stomp;
    }

    static ChatUser overTcp(SluiceSites sites, String login, String password) throws IOException, TimeoutException {
        return overTcp(sites.stompPort, login, password);
    }

    /** To the STOMP port of a particular core (a standby's, after it took over). */
    static ChatUser overTcp(int stompPort, String login, String password) throws IOException, TimeoutException {
        return open(StompClient.tcp("127.0.0.1", stompPort), login, password);
    }

    static ChatUser overWebSocket(SluiceSites sites, String login, String password) throws IOException, TimeoutException {
        return open(StompClient.webSocket(URI.create("ws://127.0.0.1:" + sites.stompPort)), login, password);
    }

    /**
     * Connected without reading its inbox: statuses and chats for this user wait there, durably, for a
     * later session (none is acknowledged in flight when this one ends).
     */
    static ChatUser senderOnly(int stompPort, String login, String password) throws IOException, TimeoutException {
        StompClient stomp = StompClient.tcp("127.0.0.1", stompPort);
        stomp.connect(login, password);
        return new ChatUser(login, stomp);
    }

    private static ChatUser open(StompClient stomp, String login, String password) throws IOException, TimeoutException {
        stomp.connect(login, password);
        stomp.subscribe("/queue/sluice.inbox." + login, StompClient.AckMode.AUTO);
        return new ChatUser(login, stomp);
    }

    void send(String to, String text, String clientRef) throws IOException {
        stomp.send("/queue/sluice.outbox", to == null
                ? Map.of("client_ref", clientRef)
                : Map.of("to", to, "client_ref", clientRef), text);
    }

    /** Sends and waits for the broker's RECEIPT: the message is stored durably at the core. */
    void sendStored(String to, String text, String clientRef) throws IOException, java.util.concurrent.TimeoutException {
        stomp.sendWithReceipt("/queue/sluice.outbox", Map.of("to", to, "client_ref", clientRef), text, WAIT);
    }

    /**
     * Sends a batch, asking for a receipt on the last SEND only: the broker handles a connection's
     * frames in order, so that receipt means every message of the batch is stored at the core.
     */
    void sendAllStored(java.util.List<String> to, java.util.List<String> texts, java.util.List<String> clientRefs)
            throws IOException, java.util.concurrent.TimeoutException {
        int last = texts.size() - 1;
        for (int i = 0; i < last; i++) {
            send(to.get(i), texts.get(i), clientRefs.get(i));
        }
        sendStored(to.get(last), texts.get(last), clientRefs.get(last));
    }

    void sendHeaders(Map<String, String> headers, String text) throws IOException {
        stomp.send("/queue/sluice.outbox", headers, text);
    }

    /** The first inbox message (already seen or still to come) that matches; fails after {@link #WAIT}. */
    StompFrame await(Predicate<StompFrame> wanted, String what) throws IOException {
        Optional<StompFrame> earlier = seen.stream().filter(wanted).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StompFrame> next = stomp.nextMessage(Duration.ofNanos(deadline - System.nanoTime()));
            if (next.isEmpty()) {
                break;
            }
            seen.add(next.get());
            if (wanted.test(next.get())) {
                return next.get();
            }
        }
        throw new AssertionError(login + " did not receive " + what + " within " + WAIT + "; saw " + seen.size()
                + " messages, the last: " + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
    }

    StompFrame awaitStatus(String clientRef, String status) throws IOException {
        return await(frame -> "status".equals(frame.header("type")) && clientRef.equals(frame.header("client_ref"))
                && status.equals(frame.header("status")), "status " + status + " for " + clientRef);
    }

    /** Waits until {@code count} chat messages have arrived in all; returns them in arrival order. */
    List<StompFrame> awaitChats(int count, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (chats().size() < count && System.nanoTime() < deadline) {
            stomp.nextMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).ifPresent(seen::add);
        }
        return chats();
    }

    /** Reads what has arrived so far without waiting longer than {@code within}. */
    void drain(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var next = stomp.nextMessage(Duration.ofMillis(50));
            if (next.isEmpty()) {
                return;
            }
            seen.add(next.get());
        }
    }

    List<StompFrame> chats() {
        return seen.stream().filter(frame -> "chat".equals(frame.header("type"))).toList();
    }

    StompFrame awaitChat(Predicate<StompFrame> wanted, String what) throws IOException {
        return await(frame -> "chat".equals(frame.header("type")) && wanted.test(frame), what);
    }

    List<StompFrame> seen() {
        return seen;
    }

    @Override
    public void close() {
        stomp.close();
    }
}
