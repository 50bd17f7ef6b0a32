package io.sluice.stomp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends each incoming frame to exactly one waiter: the pending CONNECT gets CONNECTED (or ERROR), a
 * pending receipt gets its RECEIPT (or the ERROR naming it, STOMP 1.2 §"ERROR"), and everything else
 * queues for {@code nextFrame}. Once the connection ends, every waiter learns why at once instead of
 * running into its timeout.
 */
final class FrameRouter implements StompTransport.Inbound {

    /** Queued after the last frame so that readers of an ended connection fail fast. */
    private static final StompFrame END = StompFrame.of("END");

    private final BlockingQueue<StompFrame> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<StompFrame>> receipts = new ConcurrentHashMap<>();
    private volatile CompletableFuture<StompFrame> connected;
    private volatile StompFrame lastError;
    private volatile IOException closedBy;

    CompletableFuture<StompFrame> expectConnected() {
        CompletableFuture<StompFrame> answer = new CompletableFuture<>();
        connected = answer;
        if (closedBy != null) {
            answer.completeExceptionally(closedBy);
        }
        return answer;
    }

    CompletableFuture<StompFrame> expectReceipt(String receiptId) {
        CompletableFuture<StompFrame> receipt = new CompletableFuture<>();
        receipts.put(receiptId, receipt);
        if (closedBy != null) {
            receipt.completeExceptionally(closedBy);
        }
        return receipt;
    }

    @Override
    public void onFrame(StompFrame frame) {
        CompletableFuture<StompFrame> waiter = waiterFor(frame);
        if (waiter != null) {
            waiter.complete(frame);
        } else {
            queue.add(frame);
        }
    }

    private CompletableFuture<StompFrame> waiterFor(StompFrame frame) {
        CompletableFuture<StompFrame> pendingConnect = connected;
        switch (frame.command()) {
            case StompFrame.CONNECTED:
                return pendingConnect;
            case StompFrame.RECEIPT:
                return receipts.remove(String.valueOf(frame.header("receipt-id")));
            case StompFrame.ERROR:
                lastError = frame;
                if (pendingConnect != null && !pendingConnect.isDone()) {
                    return pendingConnect;
                }
                return receipts.remove(String.valueOf(frame.header("receipt-id")));
            default:
                return null;
        }
    }

    @Override
    public synchronized void onClosed(IOException cause) {
        if (closedBy != null) {
            return;
        }
        // After an ERROR the broker closes the connection; the ERROR says more than "closed".
        StompFrame error = lastError;
        closedBy = error == null ? cause : new StompErrorException(error);
        CompletableFuture<StompFrame> pendingConnect = connected;
        if (pendingConnect != null) {
            pendingConnect.completeExceptionally(closedBy);
        }
        receipts.values().forEach(receipt -> receipt.completeExceptionally(closedBy));
        queue.add(END);
    }

    /** The next queued frame, empty when none came within the timeout. */
    Optional<StompFrame> next(Duration timeout) throws IOException {
        StompFrame frame;
        try {
            frame = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a frame");
        }
        if (frame == END) {
            queue.add(END);
            throw new IOException("Connection ended: " + closedBy.getMessage(), closedBy);
        }
        return Optional.ofNullable(frame);
    }

    /** Waits for a CONNECTED or RECEIPT; an ERROR in its place becomes a {@link StompErrorException}. */
    static StompFrame await(CompletableFuture<StompFrame> answer, Duration timeout, String what)
            throws IOException, TimeoutException {
        StompFrame frame;
        try {
            frame = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("No answer to " + what + " within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StompErrorException error) {
                throw new StompErrorException(error.errorFrame());
            }
            throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the answer to " + what);
        }
        if (StompFrame.ERROR.equals(frame.command())) {
            throw new StompErrorException(frame);
        }
        return frame;
    }
}
