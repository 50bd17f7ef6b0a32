package io.sluice.broker.groupcommit;

import java.util.List;

import org.apache.camel.Exchange;

/**
 * Told when a batch of a {@code groupcommit:} route rolled back, whether one of its exchanges failed or
 * the commit did: what the batch changed in memory must be put back to what committed (ADR 0025).
 */
@FunctionalInterface
public interface RollbackListener {

    /** @param batch every exchange of the batch, in order, the one that failed (if any) last */
    void rolledBack(List<Exchange> batch);
}
