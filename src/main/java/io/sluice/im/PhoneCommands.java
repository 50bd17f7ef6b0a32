package io.sluice.im;

import java.util.LinkedHashMap;
import java.util.Map;

import io.sluice.accounts.AccountException;
import io.sluice.accounts.Buddies;

/**
 * The buddy commands phone users text to the service number ({@code WHO}, {@code ADD}, {@code DEL}),
 * each answered with one SMS. A phone's list is its number's (or, if the number is linked to an
 * account, that account's: the same list the web page shows).
 */
public final class PhoneCommands {

    private final Buddies buddies;
    private final Presence presence;

    public PhoneCommands(Buddies buddies, Presence presence) {
        this.buddies = buddies;
        this.presence = presence;
    }

    /** The one-SMS reply to {@code command} from {@code phone} (the help text if it is not a buddy command). */
    public String answer(String phone, SmsCommand command) {
        try {
            if (command instanceof SmsCommand.Who) {
                Map<String, Presence.State> states = new LinkedHashMap<>();
                buddies.of(phone).forEach(buddy -> states.put(buddy, presence.stateOf(buddy)));
                return SmsReplies.who(states);
            }
            if (command instanceof SmsCommand.Add add) {
                buddies.add(phone, add.party());
                return SmsReplies.added(add.party());
            }
            if (command instanceof SmsCommand.Del del) {
                return SmsReplies.removed(del.party(), buddies.remove(phone, del.party()));
            }
            return SmsReplies.HELP;
        } catch (AccountException refused) {
            return SmsReplies.refused(refused.getMessage());
        }
    }
}
