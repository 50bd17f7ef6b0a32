package io.sluice.im;

import java.time.Instant;

import org.apache.camel.Message;

/**
 * Message header names of the STOMP API and of the core↔edge link. STOMP clients see them as
 * frame headers, JMS and Camel as message properties: Artemis' JMS client accepts only Java
 * identifiers as property names, hence {@code client_ref} rather than {@code client-ref} (which also
 * keeps them usable in selectors).
 */
public final class Headers {

    /** Recipient of a chat message: IM user name or E.164 number (set by the sender). */
    public static final String TO = "to";
    /** Sender of a delivered chat message: IM user name or E.164 number (set by Sluice only). */
    public static final String FROM = "from";
    /** {@code chat} or {@code status} on inbox messages. */
    public static final String TYPE = "type";
    /** Sluice's id of a chat message, assigned when the core accepts it. */
    public static final String SLUICE_ID = "sluice_id";
    /** The sender's own reference for a message, echoed in every status about it. */
    public static final String CLIENT_REF = "client_ref";
    /**
     * On a chat message in an inbox: the sender's {@link #CLIENT_REF}, so that a status about it
     * (delivered, expired) can quote the reference the sender knows it by.
     */
    public static final String SENDER_REF = "sender_ref";
    /** On presence feed frames (ADR 0008): whose presence, a login or a number. */
    public static final String USER = "user";
    /** online | sms | offline. */
    public static final String PRESENCE = "presence";
    /** On {@code type:buddies} frames: the list, comma-separated. */
    public static final String BUDDIES = "buddies";
    /** On a refused buddy command: the refusal's code. */
    public static final String ERROR = "error";
    /** Buddy command: add | remove. */
    public static final String ACTION = "action";
    /** Buddy command: whom to add or remove, a login or an E.164 number. */
    public static final String BUDDY = "buddy";
    /** accepted | submitted | delivered | failed. */
    public static final String STATUS = "status";
    /** For failed: a {@link FailureReason} code. */
    public static final String REASON = "reason";
    /** Human-readable explanation of a status. */
    public static final String DETAIL = "detail";
    /**
     * Set by the core's STOMP acceptor, never by a client (its own is dropped): what in a chat message is
     * not valid UTF-8; the dispatcher fails such a message with {@link FailureReason#INVALID_TEXT}.
     */
    public static final String INVALID_TEXT = "sluice_invalid_text";
    /** When the core accepted the message (ISO-8601). */
    public static final String SENT_AT = "sent_at";
    /**
     * On MT messages, core to edge: epoch ms after which the message must not be submitted to the
     * SMSC any more (ADR 0019). Also the submit's validity period, so the SMSC gives up then too.
     */
    public static final String VALID_UNTIL = "valid_until";
    /** Carrier a message travels through. */
    public static final String CARRIER = "carrier";
    /** On MT and event messages: the IM user who sent the message and receives its statuses. */
    public static final String SENDER = "sender";
    /** Message id the SMSC gave in submit_sm_resp (and quotes in delivery receipts). */
    public static final String SMSC_ID = "smsc_id";
    /** On MT messages: the source address (service number) the handset will see. */
    public static final String SOURCE_ADDRESS = "source_address";

    /**
     * The authenticated login Artemis stamps on every message (populate-validated-user); JMS, and so
     * Camel, sees Artemis' {@code _AMQ_VALIDATED_USER} under this standard name.
     */
    public static final String VALIDATED_USER = "JMSXUserID";
    /** Artemis duplicate detection: a second message with the same id on an address is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Exchange property (not a message header) carrying the dispatch decision within a route. */
    public static final String ROUTE_PROPERTY = "sluiceRoute";
    /** Exchange property naming the queue a route sends to. */
    public static final String TARGET_PROPERTY = "sluiceTarget";

    private Headers() {
    }

    /** The message's {@link #VALID_UNTIL}, or null if it has none. */
    public static Instant validUntil(Message message) {
        Long epochMillis = message.getHeader(VALID_UNTIL, Long.class);
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
