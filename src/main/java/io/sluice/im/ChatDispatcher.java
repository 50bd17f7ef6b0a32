package io.sluice.im;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sluice.accounts.UserDirectory;
import io.sluice.broker.groupcommit.BatchListener;
import io.sluice.carrier.CarrierRouter;
import io.sluice.core.Destinations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Decides where a chat message from a PC client goes (route {@code chat-dispatch}): the recipient's
 * inbox, a carrier's MT queue, or back to the sender as a failed status. The sender is always the
 * broker-validated login; whatever identity headers the client set are discarded.
 */
public final class ChatDispatcher {

    /** Where the route sends the message next (exchange property {@link Headers#ROUTE_PROPERTY}). */
    public enum Route { INBOX, CARRIER, REJECTED }

    private static final String OUTCOME_PROPERTY = "sluiceOutcome";
    private static final String DETAIL_PROPERTY = "sluiceDetail";
    /** The exchange took a send-rate token, given back if its batch rolls back. */
    private static final String RATE_TOKEN_TAKEN = "sluiceRateTokenTaken";

    private final UserDirectory users;
    private final CarrierRouter carriers;
    private final ConversationLinks conversations;
    private final int maxTextChars;
    private final SenderRateLimit rateLimit;
    private final List<String> blockedPrefixes;

    /** No rate limit and no blocked numbers (route tests of other concerns). */
    public ChatDispatcher(UserDirectory users, CarrierRouter carriers, ConversationLinks conversations,
                          int maxTextChars) {
        this(users, carriers, conversations, maxTextChars, SenderRateLimit.NONE, List.of());
    }

    public ChatDispatcher(UserDirectory users, CarrierRouter carriers, ConversationLinks conversations,
                          int maxTextChars, SenderRateLimit rateLimit, List<String> blockedPrefixes) {
        this.users = users;
        this.carriers = carriers;
        this.conversations = conversations;
        this.maxTextChars = maxTextChars;
        this.rateLimit = rateLimit;
        this.blockedPrefixes = List.copyOf(blockedPrefixes);
    }

    /**
     * The {@code batchListener} of route {@code chat-dispatch}: a batch that rolls back gives back the
     * send-rate tokens its messages took, since they come again from the outbox (a batch run again up to a
     * failing message would otherwise charge each of their senders twice, and refuse them sooner).
     */
    public BatchListener tokensBackOnRollback() {
        return batch -> batch.forEach(exchange -> {
            if (exchange.removeProperty(RATE_TOKEN_TAKEN) != null) {
                rateLimit.giveBack(exchange.getProperty(Headers.SENDER, String.class));
            }
        });
    }

    public void dispatch(Exchange exchange) {
        Message message = exchange.getMessage();
        String sender = message.getHeader(Headers.VALIDATED_USER, String.class);
        if (sender == null || !users.exists(sender)) {
            throw new IllegalStateException("Outbox message without a validated IM user as sender: " + sender);
        }
        String invalidText = message.getHeader(Headers.INVALID_TEXT, String.class);
        String text = textOf(message);
        String to = message.getHeader(Headers.TO, String.class);
        String clientRef = message.getHeader(Headers.CLIENT_REF, String.class);
        String id = UUID.randomUUID().toString();

        message.removeHeaders("*"); // nothing the client set travels on, except what is rebuilt below
        message.setBody(text);
        message.setHeader(Headers.SLUICE_ID, id);
        message.setHeader(Headers.FROM, sender);
        message.setHeader(Headers.SENT_AT, Instant.now().toString());
        message.setHeader(Headers.TYPE, "chat");
        exchange.setProperty(Headers.SENDER, sender);
        exchange.setProperty(Headers.CLIENT_REF, clientRef);
        exchange.setProperty(Headers.SLUICE_ID, id);

        Recipient recipient = Recipient.parse(to);
        if (!tookRateToken(exchange, sender)) { // first: a flood of bad messages is still a flood
            reject(exchange, FailureReason.RATE_LIMITED, FailureReason.RATE_LIMITED.description());
        } else if (invalidText != null) { // rather than a text with characters replaced (ADR 0018)
            reject(exchange, FailureReason.INVALID_TEXT, invalidText);
        } else if (text.isEmpty()) {
            reject(exchange, FailureReason.EMPTY_MESSAGE, FailureReason.EMPTY_MESSAGE.description());
        } else if (text.length() > maxTextChars) {
            reject(exchange, FailureReason.TOO_LONG, "The text has " + text.length()
                    + " characters; at most " + maxTextChars + " are accepted.");
        } else if (recipient instanceof Recipient.Invalid invalid) {
            reject(exchange, invalid.reason(), invalid.detail());
        } else if (recipient instanceof Recipient.ImUser user) {
            toInbox(exchange, user.name());
        } else if (recipient instanceof Recipient.Phone phone) {
            toCarrier(exchange, sender, phone.number());
        }
    }

    private boolean tookRateToken(Exchange exchange, String sender) {
        if (!rateLimit.tryAcquire(sender)) {
            return false;
        }
        exchange.setProperty(RATE_TOKEN_TAKEN, Boolean.TRUE); // for tokensBackOnRollback
        return true;
    }

    private void toInbox(Exchange exchange, String user) {
        if (!users.exists(user)) {
            reject(exchange, FailureReason.UNKNOWN_USER, "No IM user is called '" + user + "'.");
            return;
        }
        exchange.getMessage().setHeader(Headers.TO, user);
        String clientRef = exchange.getProperty(Headers.CLIENT_REF, String.class);
        if (clientRef != null) {
            exchange.getMessage().setHeader(Headers.SENDER_REF, clientRef);
        }
        // delivered follows when the recipient's client takes it (InboxDeliveries)
        decide(exchange, Route.INBOX, Destinations.inboxOf(user), MessageStatus.ACCEPTED, "Waiting in " + user + "'s inbox.");
    }

    private void toCarrier(Exchange exchange, String sender, String number) {
        var blocked = blockedPrefixes.stream().filter(number::startsWith).findFirst();
        if (blocked.isPresent()) {
            reject(exchange, FailureReason.BLOCKED_NUMBER, "Numbers starting " + blocked.get()
                    + " cannot be texted from here (premium rate or special services).");
            return;
        }
        var carrier = carriers.carrierFor(number);
        if (carrier.isEmpty()) {
            reject(exchange, FailureReason.NO_CARRIER, "No carrier serves " + number + ".");
            return;
        }
        Message message = exchange.getMessage();
        message.setHeader(Headers.TO, number);
        message.setHeader(Headers.SENDER, sender);
        message.setHeader(Headers.CARRIER, carrier.get());
        message.setHeader(Headers.CLIENT_REF, exchange.getProperty(Headers.CLIENT_REF, String.class));
        // The core's broker keeps one copy per id on sluice.mt.<carrier>. The id is new for each dispatch, so this
        // guards against the same dispatch being sent twice, not against a redelivered outbox message; the link to
        // the edge has duplicate ids of its own (LinkMessages).
        message.setHeader(Headers.DUPLICATE_ID, message.getHeader(Headers.SLUICE_ID));
        // The phone sees the carrier's service number as sender (set by its edge), so the text names
        // the IM user; a reply from the phone continues this conversation.
        message.setBody(sender + ": " + message.getBody(String.class));
        conversations.link(number, sender);
        decide(exchange, Route.CARRIER, Destinations.mtQueueOf(carrier.get()), MessageStatus.ACCEPTED,
                "Queued for carrier " + carrier.get() + ".");
    }

    private static void reject(Exchange exchange, FailureReason reason, String detail) {
        exchange.setProperty(Headers.REASON, reason.name());
        decide(exchange, Route.REJECTED, null, MessageStatus.FAILED, detail);
    }

    private static void decide(Exchange exchange, Route route, String target, MessageStatus outcome, String detail) {
        exchange.setProperty(Headers.ROUTE_PROPERTY, route.name());
        exchange.setProperty(Headers.TARGET_PROPERTY, target);
        exchange.setProperty(OUTCOME_PROPERTY, outcome);
        exchange.setProperty(DETAIL_PROPERTY, detail);
    }

    /** Turns the exchange into the status message for the sender, addressed to the sender's inbox. */
    public void statusForSender(Exchange exchange) {
        String sender = exchange.getProperty(Headers.SENDER, String.class);
        StatusMessages.write(exchange.getMessage(),
                exchange.getProperty(Headers.SLUICE_ID, String.class),
                exchange.getProperty(Headers.CLIENT_REF, String.class),
                exchange.getProperty(OUTCOME_PROPERTY, MessageStatus.class),
                exchange.getProperty(Headers.REASON, String.class),
                exchange.getProperty(DETAIL_PROPERTY, String.class));
        exchange.setProperty(Headers.TARGET_PROPERTY, Destinations.inboxOf(sender));
    }

    private static String textOf(Message message) {
        Object body = message.getBody();
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8); // STOMP frames with content-length arrive as bytes
        }
        return body == null ? "" : message.getBody(String.class);
    }
}
