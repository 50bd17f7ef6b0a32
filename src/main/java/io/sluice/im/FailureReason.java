package io.sluice.im;

/**
 * Why a message could not be delivered; the code reaches the sender in the {@code reason} header
 * of a {@code failed} status (README, "STOMP API").
 */
public enum FailureReason {
    NO_RECIPIENT("The message has no 'to' header: name an IM user or an E.164 phone number."),
    INVALID_NUMBER("The recipient is not an E.164 number ('+', country code, at most 15 digits)."),
    INVALID_RECIPIENT("The recipient is neither a user name nor a phone number."),
    UNKNOWN_USER("No IM user has that name."),
    EMPTY_MESSAGE("The message has no text."),
    TOO_LONG("The text is longer than this server accepts."),
    INVALID_TEXT("The message is not valid UTF-8; nothing was passed on."),
    NO_CARRIER("No carrier serves that number."),
    BLOCKED_NUMBER("Numbers in that range (premium rate, special services) cannot be texted from here."),
    RATE_LIMITED("You are sending faster than this server allows; wait a moment and send again."),
    SMSC_REJECTED("The carrier's SMSC refused the message."),
    UNDELIVERABLE("The carrier reported the message undeliverable."),
    EXPIRED("The recipient did not take the message before it expired.");

    private final String description;

    FailureReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
