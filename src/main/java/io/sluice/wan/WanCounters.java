package io.sluice.wan;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one simulator, updated by every connection's pumps. */
final class WanCounters {

    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong connectionsReset = new AtomicLong();
    final AtomicLong bytesDropped = new AtomicLong();
    private final AtomicLong bytesClientToTarget = new AtomicLong();
    private final AtomicLong bytesTargetToClient = new AtomicLong();

    void forwarded(Direction direction, int bytes) {
        (direction == Direction.CLIENT_TO_TARGET ? bytesClientToTarget : bytesTargetToClient).addAndGet(bytes);
    }

    long forwarded(Direction direction) {
        return (direction == Direction.CLIENT_TO_TARGET ? bytesClientToTarget : bytesTargetToClient).get();
    }
}
