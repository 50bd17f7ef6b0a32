package io.sluice.im;

import io.sluice.core.PhoneNumber;
import io.sluice.core.UserName;

/** The {@code to} header of a chat message, understood. */
public sealed interface Recipient {

    record ImUser(String name) implements Recipient {
    }

    record Phone(String number) implements Recipient {
    }

    record Invalid(FailureReason reason, String detail) implements Recipient {
    }

    static Recipient parse(String to) {
        if (to == null || to.isBlank()) {
            return new Invalid(FailureReason.NO_RECIPIENT, FailureReason.NO_RECIPIENT.description());
        }
        String candidate = to.trim();
        if (PhoneNumber.looksLikeNumber(candidate)) {
            return PhoneNumber.isValid(candidate)
                    ? new Phone(candidate)
                    : new Invalid(FailureReason.INVALID_NUMBER,
                            "'" + candidate + "' is not an E.164 number ('+', country code, at most 15 digits)");
        }
        return UserName.isValid(candidate)
                ? new ImUser(candidate)
                : new Invalid(FailureReason.INVALID_RECIPIENT,
                        "'" + candidate + "' is neither a user name nor an E.164 phone number");
    }
}
