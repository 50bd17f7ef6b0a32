package io.sluice.im;

import io.sluice.accounts.Account;
import io.sluice.accounts.Accounts;
import io.sluice.accounts.Buddies;
import io.sluice.core.ClientSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Presence and buddy commands on the core (ADR 0008); the broker picks up the subscription plugin. */
@Configuration(proxyBeanMethods = false)
@Profile("core")
public class PresenceConfiguration {

    @Bean
    ClientSubscriptions clientSubscriptions() {
        return new ClientSubscriptions();
    }

    @Bean
    Presence presence(Buddies buddies, Accounts accounts, BackgroundSender noticeSender, ClientSubscriptions subscriptions) {
        Presence presence = new Presence(buddies,
                login -> accounts.find(login).map(Account::phone).isPresent(), noticeSender);
        subscriptions.onChange(presence);
        return presence;
    }

    @Bean
    PhoneCommands phoneCommands(Buddies buddies, Presence presence) {
        return new PhoneCommands(buddies, presence);
    }

    @Bean
    BuddyCommands buddyCommands(Buddies buddies, Presence presence) {
        return new BuddyCommands(buddies, presence);
    }
}
