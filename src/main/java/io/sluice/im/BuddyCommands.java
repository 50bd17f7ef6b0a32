package io.sluice.im;

import java.util.Locale;

import io.sluice.accounts.AccountException;
import io.sluice.accounts.Buddies;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Route {@code buddy-commands}: an IM user's {@code action:add|remove} with {@code buddy:<login or
 * number>} (ADR 0008). The answer — the new list, or why not — goes to the user's presence feed.
 */
public final class BuddyCommands {

    private final Buddies buddies;
    private final Presence presence;

    public BuddyCommands(Buddies buddies, Presence presence) {
        this.buddies = buddies;
        this.presence = presence;
    }

    public void handle(Exchange exchange) {
        Message command = exchange.getMessage();
        String owner = command.getHeader(Headers.VALIDATED_USER, String.class);
        if (owner == null) {
            throw new IllegalStateException("Buddy command without a validated user");
        }
        String action = command.getHeader(Headers.ACTION, "", String.class).toLowerCase(Locale.ROOT);
        String buddy = command.getHeader(Headers.BUDDY, String.class);
        if (!action.equals("add") && !action.equals("remove")) {
            presence.refused(owner, "NO_ACTION", "A buddy command needs action:add or action:remove.");
            return;
        }
        if (buddy == null || buddy.isBlank()) {
            presence.refused(owner, "INVALID_BUDDY", "A buddy command needs a buddy header: a user name or an E.164 number.");
            return;
        }
        try {
            if (action.equals("add")) {
                buddies.add(owner, buddy.strip());
            } else {
                buddies.remove(owner, buddy.strip());
            }
            presence.listChanged(owner);
        } catch (AccountException refused) {
            presence.refused(owner, refused.problem().name(), refused.getMessage());
        }
    }
}
