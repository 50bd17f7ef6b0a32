package io.sluice.broker.groupcommit;

import java.util.List;

import org.apache.camel.Exchange;

/**
 * Told, on the consumer's thread, how each batch of a {@code groupcommit:} route went, so that what the
 * batch changed in memory follows its transaction (ADR 0025, 0026): kept if it committed, put back if it
 * rolled back.
 */
@FunctionalInterface
public interface BatchListener {

    /** A batch is about to run; its exchanges run on this thread until one of the other calls. */
    default void beginning() {
    }

    /** The batch committed. */
    default void committed(List<Exchange> batch) {
    }

    /**
     * The batch rolled back, because one of its exchanges failed or the session broke before the commit.
     *
     * @param batch every exchange of the batch, in order, the one that failed (if any) last
     */
    void rolledBack(List<Exchange> batch);

    /**
     * The commit failed in a way that leaves its outcome unknown (the connection broke on the way): the
     * broker may or may not have committed it. Unless told otherwise, taken as a rollback.
     */
    default void commitFailed(List<Exchange> batch) {
        rolledBack(batch);
    }

    /**
     * The consumer stopped before a call above succeeded: nobody will say how the batch ended. Whatever
     * the batch changed in memory stays as it is.
     */
    default void abandoned() {
    }

    /** Tells each of {@code listeners} in turn; a call that fails is made again from the first. */
    static BatchListener all(BatchListener... listeners) {
        List<BatchListener> each = List.of(listeners);
        return new BatchListener() {
            @Override
            public void beginning() {
                each.forEach(BatchListener::beginning);
            }

            @Override
            public void committed(List<Exchange> batch) {
                each.forEach(listener -> listener.committed(batch));
            }

            @Override
            public void rolledBack(List<Exchange> batch) {
                each.forEach(listener -> listener.rolledBack(batch));
            }

            @Override
            public void commitFailed(List<Exchange> batch) {
                each.forEach(listener -> listener.commitFailed(batch));
            }

            @Override
            public void abandoned() {
                each.forEach(BatchListener::abandoned);
            }
        };
    }
}
