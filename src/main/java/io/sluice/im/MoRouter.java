package io.sluice.im;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sluice.accounts.UserDirectory;
import io.sluice.core.Destinations;
import io.sluice.link.Outgoing;
import io.sluice.ring.Payload;
import org.apache.camel.Message;

/**
 * Puts a mobile-originated SMS into the right user's inbox. {@code @user text} addresses a user and
 * starts a conversation with them; plain text continues the phone's current conversation. An SMS
 * that reaches no one is kept on {@code sluice.mo.unroutable} and the phone is told how to address a
 * user (an SMS reply through the carrier's MT queue).
 */
public final class MoRouter {

    static final String HOW_TO = "Sluice: start your message with @name to reach a user, e.g. @alice hello";
    private static final Pattern ADDRESSED = Pattern.compile("^@(\\S+)\\s*(.*)$", Pattern.DOTALL);

    private final UserDirectory users;
    private final ConversationLinks conversations;

    public MoRouter(UserDirectory users, ConversationLinks conversations) {
        this.users = users;
        this.conversations = conversations;
    }

    /** Writes the deliveries for one MO message (from the carrier's mirror ring) to {@code out}. */
    public void deliver(Payload mo, String carrier, Outgoing out) {
        String phone = mo.sender();
        String text = mo.text() == null ? "" : mo.text();
        Matcher addressed = ADDRESSED.matcher(text.strip());
        Optional<String> user;
        if (addressed.matches()) {
            String named = addressed.group(1).toLowerCase();
            if (!users.exists(named)) {
                unroutable(mo, carrier, out, "no user '" + addressed.group(1) + "'",
                        "Sluice: there is no user called " + addressed.group(1) + ".");
                return;
            }
            user = Optional.of(named);
            text = addressed.group(2);
            conversations.link(phone, named);
        } else {
            user = conversations.userFor(phone);
        }
        if (user.isEmpty()) {
            unroutable(mo, carrier, out, "no conversation for " + phone, HOW_TO);
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

        String id = UUID.randomUUID().toString();
        Message answer = out.to(Destinations.mtQueueOf(carrier), reply);
        answer.setHeader(Headers.SLUICE_ID, id);
        answer.setHeader(Headers.DUPLICATE_ID, id);
        answer.setHeader(Headers.TO, mo.sender());
        answer.setHeader(Headers.CARRIER, carrier);
    }
}
