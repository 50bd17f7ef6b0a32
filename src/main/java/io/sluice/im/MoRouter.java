package io.sluice.im;

import java.util.Optional;
import java.util.UUID;

import io.sluice.accounts.UserDirectory;
import io.sluice.core.Destinations;
import io.sluice.link.Outgoing;
import io.sluice.ring.Payload;
import org.apache.camel.Message;

/**
 * What a phone's SMS to the service number does (README, "SMS from phones"). {@code @user text}
 * addresses a user and starts a conversation with them; plain text continues the phone's current
 * conversation; {@code WHO}, {@code ADD user}, {@code DEL user} and {@code HELP} are answered by SMS.
 * An SMS that reaches no one is kept on {@code sluice.mo.unroutable} and the phone gets the help text
 * (an SMS reply through the carrier's MT queue).
 */
public final class MoRouter {

    private final UserDirectory users;
    private final ConversationLinks conversations;
    private final PhoneCommands commands;

    public MoRouter(UserDirectory users, ConversationLinks conversations, PhoneCommands commands) {
        this.users = users;
        this.conversations = conversations;
        this.commands = commands;
    }

    /** Writes the deliveries for one MO message (from the carrier's mirror ring) to {@code out}. */
    public void deliver(Payload mo, String carrier, Outgoing out) {
        String phone = mo.sender();
        SmsCommand command = SmsCommand.parse(mo.text());
        Optional<String> user;
        String text;
        if (command instanceof SmsCommand.Address address) {
            if (!users.exists(address.user())) {
                unroutable(mo, carrier, out, "no user '" + address.user() + "'",
                        "Sluice: there is no user called " + address.user() + ".");
                return;
            }
            user = Optional.of(address.user());
            text = address.text();
            conversations.link(phone, address.user());
        } else if (command instanceof SmsCommand.Chat chat) {
            user = conversations.userFor(phone);
            text = chat.text();
        } else if (command instanceof SmsCommand.Help) {
            reply(out, carrier, phone, SmsReplies.HELP);
            return;
        } else {
            reply(out, carrier, phone, commands.answer(phone, command));
            return;
        }
        if (user.isEmpty()) {
            unroutable(mo, carrier, out, "no conversation for " + phone, SmsReplies.HELP);
            return;
        }
        Message chat = out.to(Destinations.inboxOf(user.get()), text);
        chat.setHeader(Headers.TYPE, "chat");
        chat.setHeader(Headers.FROM, phone);
        chat.setHeader(Headers.TO, user.get());
        chat.setHeader(Headers.SLUICE_ID, mo.messageId());
        chat.setHeader(Headers.CARRIER, carrier);
    }

    private static void unroutable(Payload mo, String carrier, Outgoing out, String why, String reply) {
        Message kept = out.to(Destinations.MO_UNROUTABLE, mo.text());
        kept.setHeader(Headers.FROM, mo.sender());
        kept.setHeader(Headers.TO, mo.recipient());
        kept.setHeader(Headers.SLUICE_ID, mo.messageId());
        kept.setHeader(Headers.CARRIER, carrier);
        kept.setHeader(Headers.DETAIL, why);
        reply(out, carrier, mo.sender(), reply);
    }

    /** An SMS from the service to the phone, through the carrier's MT queue. */
    private static void reply(Outgoing out, String carrier, String phone, String text) {
        String id = UUID.randomUUID().toString();
        Message answer = out.to(Destinations.mtQueueOf(carrier), text);
        answer.setHeader(Headers.SLUICE_ID, id);
        answer.setHeader(Headers.DUPLICATE_ID, id);
        answer.setHeader(Headers.TO, phone);
        answer.setHeader(Headers.CARRIER, carrier);
    }
}
