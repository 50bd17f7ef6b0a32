package io.sluice.core;

import io.sluice.im.Headers;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Lets an edge speak only for its own carrier: a message an edge sends must name that carrier in
 * its {@code carrier} header, or the core refuses it. The MO and event routes can then trust the
 * header. (Artemis 2.44 to 2.55 cannot stamp the validated user on AMQP messages, so
 * populate-validated-user does not cover what edges send.)
 */
public final class EdgeCarrierGuard implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        String login = session.getValidatedUser();
        if (login == null || !login.startsWith(CoreAuthenticator.EDGE_LOGIN_PREFIX)) {
            return;
        }
        String carrier = login.substring(CoreAuthenticator.EDGE_LOGIN_PREFIX.length());
        Object claimed = message.getObjectProperty(Headers.CARRIER);
        if (claimed == null || !carrier.equals(claimed.toString())) {
            throw new ActiveMQSecurityException("Edge " + login + " may send only for carrier '" + carrier
                    + "', not for '" + claimed + "'");
        }
    }
}
