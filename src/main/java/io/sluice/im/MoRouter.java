package io.sluice.im;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sluice.core.Destinations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Puts a mobile-originated SMS into the right user's inbox (route {@code mo-ingest}).
 * {@code @user text} addresses a user and starts a conversation with them; plain text continues
 * the phone's current conversation. An SMS that reaches no one is kept on
 * {@code sluice.mo.unroutable} and the phone is told how to address a user.
 */
public final class MoRouter {

    /** Where the route sends the MO next (exchange property {@link Headers#ROUTE_PROPERTY}). */
    public enum Route { INBOX, UNROUTABLE }

    /** Exchange property: text of the SMS reply to the phone, when one is due. */
    public static final String REPLY_PROPERTY = "sluiceReply";
    /** Exchange property: MT queue the reply goes to. */
    public static final String REPLY_TARGET_PROPERTY = "sluiceReplyTarget";

    private static final Pattern ADDRESSED = Pattern.compile("^@(\\S+)\\s*(.*)$", Pattern.DOTALL);

    private final Set<String> users;
    private final ConversationLinks conversations;
    private final String serviceNumber;

    public MoRouter(Set<String> users, ConversationLinks conversations, String serviceNumber) {
        this.users = users;
        this.conversations = conversations;
        this.serviceNumber = serviceNumber;
    }

    public void route(Exchange exchange) {
        Message message = exchange.getMessage();
        // The core's EdgeCarrierGuard admits only messages whose carrier is the sending edge's own.
        String carrier = message.getHeader(Headers.CARRIER, String.class);
        if (carrier == null) {
            unroutable(exchange, "MO without a carrier", false);
            return;
        }
        String phone = message.getHeader(Headers.FROM, String.class);
        String text = message.getBody(String.class);
        Matcher addressed = ADDRESSED.matcher(text == null ? "" : text.strip());
        Optional<String> user;
        if (addressed.matches()) {
            user = Optional.of(addressed.group(1).toLowerCase()).filter(users::contains);
            text = addressed.group(2);
            if (user.isEmpty()) {
                unroutable(exchange, "no user '" + addressed.group(1) + "'", true);
                exchange.setProperty(REPLY_PROPERTY, "Sluice: there is no user called " + addressed.group(1) + ".");
                return;
            }
            conversations.link(phone, user.get());
        } else {
            user = conversations.userFor(phone);
        }
        if (user.isEmpty()) {
            unroutable(exchange, "no conversation for " + phone, true);
            return;
        }
        String id = message.getHeader(Headers.SLUICE_ID, String.class);
        message.removeHeaders("*");
        message.setHeader(Headers.TYPE, "chat");
        message.setHeader(Headers.FROM, phone);
        message.setHeader(Headers.TO, user.get());
        message.setHeader(Headers.SLUICE_ID, id);
        message.setHeader(Headers.CARRIER, carrier);
        message.setBody(text);
        exchange.setProperty(Headers.ROUTE_PROPERTY, Route.INBOX.name());
        exchange.setProperty(Headers.TARGET_PROPERTY, Destinations.inboxOf(user.get()));
    }

    private void unroutable(Exchange exchange, String why, boolean replyToPhone) {
        exchange.getMessage().setHeader(Headers.DETAIL, why);
        exchange.setProperty(Headers.ROUTE_PROPERTY, Route.UNROUTABLE.name());
        exchange.setProperty(Headers.TARGET_PROPERTY, Destinations.MO_UNROUTABLE);
        if (replyToPhone) {
            String carrier = exchange.getMessage().getHeader(Headers.CARRIER, String.class);
            exchange.setProperty(REPLY_TARGET_PROPERTY, Destinations.mtQueueOf(carrier));
            exchange.setProperty(REPLY_PROPERTY, "Sluice: start your message with @name to reach a user, e.g. @alice hello");
        }
    }

    /** Turns the exchange into the SMS reply for the phone that sent the MO. */
    public void reply(Exchange exchange) {
        Message message = exchange.getMessage();
        String phone = message.getHeader(Headers.FROM, String.class);
        String carrier = message.getHeader(Headers.CARRIER, String.class);
        String id = java.util.UUID.randomUUID().toString();
        message.removeHeaders("*");
        message.setHeader(Headers.SLUICE_ID, id);
        message.setHeader(Headers.DUPLICATE_ID, id);
        message.setHeader(Headers.TO, phone);
        message.setHeader(Headers.CARRIER, carrier);
        message.setHeader(Headers.SOURCE_ADDRESS, serviceNumber);
        message.setBody(exchange.getProperty(REPLY_PROPERTY, String.class));
    }
}
