package io.sluice.core;

import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConsumerPlugin;

/**
 * Watches clients subscribe to and leave their inboxes and presence feeds (ADR 0008): a user who
 * reads their inbox is online, whatever client they use. The broker calls this on its own threads;
 * the listener must hand the work on, never block or send from here.
 */
public final class ClientSubscriptions implements ActiveMQServerConsumerPlugin {

    /** What a site does when clients come and go. */
    public interface Listener {
        void inboxOpened(String login);

        void inboxClosed(String login);

        void feedOpened(String login);
    }

    private volatile Listener listener;

    public void onChange(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void afterCreateConsumer(ServerConsumer consumer) {
        Listener current = listener;
        if (current == null || consumer.isBrowseOnly()) {
            return;
        }
        String address = consumer.getQueue().getAddress().toString();
        if (address.startsWith(Destinations.INBOX_PREFIX)) {
            current.inboxOpened(address.substring(Destinations.INBOX_PREFIX.length()));
        } else if (address.startsWith(Destinations.PRESENCE_PREFIX)) {
            current.feedOpened(address.substring(Destinations.PRESENCE_PREFIX.length()));
        }
    }

    @Override
    public void afterCloseConsumer(ServerConsumer consumer, boolean failed) {
        Listener current = listener;
        if (current == null || consumer.isBrowseOnly()) {
            return;
        }
        String address = consumer.getQueue().getAddress().toString();
        if (address.startsWith(Destinations.INBOX_PREFIX)) {
            current.inboxClosed(address.substring(Destinations.INBOX_PREFIX.length()));
        }
    }
}
