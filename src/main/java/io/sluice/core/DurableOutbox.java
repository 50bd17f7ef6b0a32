package io.sluice.core;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Stores every chat message a client sends to the outbox durably, whatever its protocol said.
 * Artemis keeps a STOMP SEND in memory only unless the frame carries {@code persistent:true}, and
 * the routes pass a message's delivery mode on to the inbox and carrier queues it is copied to; so
 * a client that left the header out would lose its messages, and their receipts would mean nothing,
 * when the core stopped. A user of an IM server expects an acknowledged message to be kept.
 */
public final class DurableOutbox implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        if (!message.isDurable() && Destinations.OUTBOX.equals(message.getAddress())) {
            message.setDurable(true);
        }
    }
}
