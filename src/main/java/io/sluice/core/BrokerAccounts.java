package io.sluice.core;

import io.sluice.accounts.AccountEvent;
import io.sluice.broker.SiteBroker;
import io.sluice.broker.SitePrincipal;
import org.springframework.context.event.EventListener;

/**
 * The core broker's side of account changes: a new account gets its durable inbox at once (so that
 * messages sent to it before the user first connects are kept), and a disabled account's open
 * connections are closed, STOMP and JMS alike.
 */
public final class BrokerAccounts {

    private final SiteBroker broker;

    public BrokerAccounts(SiteBroker broker) {
        this.broker = broker;
    }

    @EventListener
    public void created(AccountEvent.Created created) throws Exception {
        broker.ensureQueue(SiteBroker.durableQueue(Destinations.inboxOf(created.login())));
    }

    @EventListener
    public void disabled(AccountEvent.Disabled disabled) {
        broker.disconnect(principal -> principal.kind() == SitePrincipal.Kind.USER
                && principal.name().equals(disabled.login()), "account " + disabled.login() + " was disabled");
    }
}
