package io.sluice.wan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes of one direction that are "on the wire": a FIFO of chunks, each released at its own
 * time. It holds at most {@code capacityBytes}; a full line blocks the reader, so the sender feels
 * back-pressure through its own TCP window as it would from a real path's bandwidth-delay product.
 */
final class DelayLine {

    private final long capacityBytes;
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long bytes;

    DelayLine(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Adds a chunk at the tail, waiting while the line is full (a chunk always fits an empty line). */
    void put(Chunk chunk) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (bytes > 0 && bytes + chunk.length() > capacityBytes) {
                changed.await();
            }
            chunks.addLast(chunk);
            bytes += chunk.length();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the head chunk and for its release time, and removes it. */
    Chunk takeDue() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                Chunk head = chunks.peekFirst();
                if (head == null) {
                    changed.await();
                    continue;
                }
                long waitNanos = head.releaseAtNanos() - System.nanoTime();
                if (waitNanos <= 0) {
                    chunks.removeFirst();
                    bytes -= head.length();
                    changed.signalAll();
                    return head;
                }
                // woken early if the line is cleared, so a dropped head is not waited for
                changed.await(waitNanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting in the line. */
    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the line (what was in flight is lost). Returns the chunks dropped. */
    Deque<Chunk> clear() {
        lock.lock();
        try {
            Deque<Chunk> dropped = new ArrayDeque<>(chunks);
            chunks.clear();
            bytes = 0;
            changed.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
