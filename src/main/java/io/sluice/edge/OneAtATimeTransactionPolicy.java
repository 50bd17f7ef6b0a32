package io.sluice.edge;

import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * The edge's {@code edgeTransaction}: Spring's transaction policy, with its transactions run one at a
 * time, first come first served, from begin to the end of commit or rollback.
 *
 * <p>Its routes store into the MO ring and the MO part store ({@code smsc-receive} of either protocol,
 * {@code mo-reassembly-timeout}). Run side by side, one could take a ring slot, roll back, and leave a
 * gap behind another's committed slot. The SMPP route runs on jsmpp's two PDU threads (so that a
 * {@code submit_sm_resp} never waits behind a {@code deliver_sm}'s disk sync, ADR 0022); a stop-and-wait
 * SMSC sends the next {@code deliver_sm} only after our answer, so the only contention left is the timer
 * route's now and then, or an SMSC that sends with a window.
 *
 * <p>The turn is taken where the transaction begins and given back when it has ended, in the
 * transaction manager, not around the processors the policy wraps: a transacted route's own error
 * handler (which Camel builds for the channel in front of the {@code transacted} step) begins and
 * commits the transaction outside them, so a turn held only around them let the next transaction in
 * before the previous one committed.
 */
public final class OneAtATimeTransactionPolicy extends SpringTransactionPolicy {

    public OneAtATimeTransactionPolicy(PlatformTransactionManager transactionManager) {
        super(new OneAtATime(transactionManager));
    }

    /** Whether the calling thread holds the turn: it is inside one of this policy's transactions. */
    boolean isTurnHeldByCurrentThread() {
        return ((OneAtATime) getTransactionManager()).turn.isHeldByCurrentThread();
    }

    /**
     * A transaction manager that lets one thread at a time from {@code getTransaction} to the end of
     * its {@code commit} or {@code rollback} (synchronisations included). Spring ends every status it
     * hands out exactly once, on the thread that began it; a transaction joined on the same thread takes
     * the turn again, so the hold count comes back to zero with the outermost one.
     */
    private static final class OneAtATime implements PlatformTransactionManager {

        private final PlatformTransactionManager transactions;
        private final ReentrantLock turn = new ReentrantLock(true);

        OneAtATime(PlatformTransactionManager transactions) {
            this.transactions = transactions;
        }

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
            try {
                turn.lockInterruptibly();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CannotCreateTransactionException("Interrupted while waiting for the previous transaction to end");
            }
            try {
                return transactions.getTransaction(definition);
            } catch (RuntimeException | Error failure) {
                turn.unlock();
                throw failure;
            }
        }

        @Override
        public void commit(TransactionStatus status) throws TransactionException {
            try {
                transactions.commit(status);
            } finally {
                turn.unlock();
            }
        }

        @Override
        public void rollback(TransactionStatus status) throws TransactionException {
            try {
                transactions.rollback(status);
            } finally {
                turn.unlock();
            }
        }
    }
}
