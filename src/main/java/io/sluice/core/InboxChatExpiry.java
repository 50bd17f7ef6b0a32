package io.sluice.core;

import java.time.Clock;
import java.time.Duration;

import io.sluice.im.Headers;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Gives every chat message that enters an inbox its expiry time, whichever route sent it. When the
 * time passes before the recipient takes the message, Artemis moves it to {@code sluice.expired}
 * (broker.xml: expiry-address) and route {@code inbox-expiry} tells its sender. Statuses are not
 * stamped: they wait for their user as long as it takes.
 */
public final class InboxChatExpiry implements ActiveMQServerMessagePlugin {

    private final Duration expiry;
    private final Clock clock;

    public InboxChatExpiry(Duration expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        String address = message.getAddress();
        if (message.getExpiration() == 0 && address != null && address.startsWith(Destinations.INBOX_PREFIX)
                && "chat".equals(String.valueOf(message.getObjectProperty(Headers.TYPE)))) {
            message.setExpiration(clock.millis() + expiry.toMillis());
        }
    }
}
