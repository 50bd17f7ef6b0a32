package io.sluice.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    private Listener listener;
    /** What happened before the site's listener was ready (clients may connect as soon as the broker starts). */
    private final List<Consumer<Listener>> early = new ArrayList<>();

    public synchronized void onChange(Listener listener) {
        early.forEach(event -> event.accept(listener));
        early.clear();
        this.listener = listener;
    }

    @Override
    public void afterCreateConsumer(ServerConsumer consumer) {
        if (consumer.isBrowseOnly()) {
            return;
        }
        String address = consumer.getQueue().getAddress().toString();
        if (address.startsWith(Destinations.INBOX_PREFIX)) {
            String login = address.substring(Destinations.INBOX_PREFIX.length());
            tell(listener -> listener.inboxOpened(login));
        } else if (address.startsWith(Destinations.PRESENCE_PREFIX)) {
            String login = address.substring(Destinations.PRESENCE_PREFIX.length());
            tell(listener -> listener.feedOpened(login));
        }
    }

    @Override
    public void afterCloseConsumer(ServerConsumer consumer, boolean failed) {
        if (consumer.isBrowseOnly()) {
            return;
        }
        String address = consumer.getQueue().getAddress().toString();
        if (address.startsWith(Destinations.INBOX_PREFIX)) {
            String login = address.substring(Destinations.INBOX_PREFIX.length());
            tell(listener -> listener.inboxClosed(login));
        }
    }

    private synchronized void tell(Consumer<Listener> event) {
        if (listener == null) {
            early.add(event);
        } else {
            event.accept(listener);
        }
    }
}
