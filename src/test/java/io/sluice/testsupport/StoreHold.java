package io.sluice.testsupport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * A broker plugin standing in for a slow disk on one address: once armed, the next send to it waits
 * in the broker until released, so the transaction around it cannot commit. Inert until armed.
 */
public final class StoreHold implements ActiveMQServerMessagePlugin {

    /** The longest a held send waits: a test that forgets to release fails rather than hangs. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final String address;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile boolean armed;

    public StoreHold(String address) {
        this.address = address;
    }

    /** The next send to the address is held. */
    public void arm() {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
        armed = true;
    }

    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean holding() {
        return held.getCount() == 0 && released.getCount() > 0;
    }

    public void release() {
        armed = false;
        released.countDown();
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        if (armed && address.equals(message.getAddress())) {
            armed = false;
            held.countDown();
            try {
                released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
