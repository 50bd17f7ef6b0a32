package io.sluice.edge;

import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.apache.camel.support.processor.DelegateSyncProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The edge's {@code edgeTransaction}: Spring's transaction policy, with its transactions run one at a
 * time, first come first served, from begin to commit or rollback.
 *
 * <p>Its routes store into the MO ring and the MO part store ({@code smsc-receive} of either protocol,
 * {@code mo-reassembly-timeout}). Run side by side, one could take a ring slot, roll back, and leave a
 * gap behind another's committed slot. The SMPP route runs on jsmpp's two PDU threads (so that a
 * {@code submit_sm_resp} never waits behind a {@code deliver_sm}'s disk sync, ADR 0022); a stop-and-wait
 * SMSC sends the next {@code deliver_sm} only after our answer, so the only contention left is the timer
 * route's now and then, or an SMSC that sends with a window.
 */
public final class OneAtATimeTransactionPolicy extends SpringTransactionPolicy {

    private final ReentrantLock turn = new ReentrantLock(true);

    public OneAtATimeTransactionPolicy(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        // a Camel service: the transaction error handler inside is built and started with the route
        return new DelegateSyncProcessor(super.wrap(route, processor)) {
            /** Camel's way in: the transaction inside runs to its commit or rollback on this thread. */
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                try {
                    process(exchange);
                } catch (Exception failure) {
                    exchange.setException(failure);
                }
                callback.done(true);
                return true;
            }

            @Override
            public void process(Exchange exchange) throws Exception {
                turn.lockInterruptibly();
                try {
                    super.process(exchange);
                } finally {
                    turn.unlock();
                }
            }
        };
    }
}
