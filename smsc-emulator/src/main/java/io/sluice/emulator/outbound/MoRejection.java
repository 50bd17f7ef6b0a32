package io.sluice.emulator.outbound;

import java.util.Locale;

/** Why a phone's message was not accepted; {@link #code()} is the {@code error} of the REST API's 400 answer. */
public enum MoRejection {
    FROM_MISSING,
    FROM_NOT_E164,
    TO_INVALID,
    TEXT_MISSING,
    TEXT_TOO_LONG;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
