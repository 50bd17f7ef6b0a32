package io.sluice.testsupport;

import java.util.function.Predicate;

import io.sluice.ring.Direction;
import io.sluice.ring.RingStore;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQInternalErrorException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * A broker plugin standing in for a connection that breaks in the middle of a transaction: once armed,
 * the next sends that match fail and take their sender's connection down with them. Or, armed with
 * {@link #refuse}, for a broker that refuses a send and leaves the connection up: the transaction alone
 * fails, as when one route's step fails while other routes' transactions go on. Inert until armed.
 */
public final class BrokenSend implements ActiveMQServerMessagePlugin {

    private volatile Predicate<Message> matching = message -> false;
    private volatile int left;
    private volatile boolean connectionBreaks;

    /** The next {@code times} sends to {@code address} break their connection. */
    public BrokenSend arm(String address, int times) {
        return arm(message -> address.equals(message.getAddress()), times);
    }

    /** The next {@code times} sends that match break their connection. */
    public synchronized BrokenSend arm(Predicate<Message> sends, int times) {
        matching = sends;
        left = times;
        connectionBreaks = true;
        return this;
    }

    /** The next {@code times} sends to {@code address} are refused; their connection stays up. */
    public BrokenSend refuse(String address, int times) {
        return refuse(message -> address.equals(message.getAddress()), times);
    }

    /** The next {@code times} sends that match are refused; their connection stays up. */
    public synchronized BrokenSend refuse(Predicate<Message> sends, int times) {
        matching = sends;
        left = times;
        connectionBreaks = false;
        return this;
    }

    /** Sends to any of a ring store's shards (ADR 0032). */
    public static Predicate<Message> toRingStore(Direction direction, String carrier) {
        String store = RingStore.storeOf(direction, carrier);
        return message -> RingStore.isShardOf(store, message.getAddress());
    }

    /** Broken sends still to come: 0 once every one armed has happened. */
    public int left() {
        return left;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        if (take(message)) {
            if (!connectionBreaks) {
                ActiveMQInternalErrorException refused = new ActiveMQInternalErrorException("send refused, as the test wants");
                if (tx != null) {
                    tx.markAsRollbackOnly(refused); // else the transaction would commit without it
                }
                throw refused;
            }
            ActiveMQInternalErrorException broken = new ActiveMQInternalErrorException("connection lost, as the test wants");
            session.getRemotingConnection().fail(broken);
            throw broken;
        }
    }

    private synchronized boolean take(Message message) {
        if (left > 0 && matching.test(message)) {
            left--;
            return true;
        }
        return false;
    }
}
