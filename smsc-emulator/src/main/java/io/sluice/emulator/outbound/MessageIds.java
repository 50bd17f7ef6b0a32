package io.sluice.emulator.outbound;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * message_id values the emulator assigns (SMPP 3.4 §5.2.23: a C-Octet String of at most 65 octets).
 * Seeded from the clock so that ids differ across restarts, as an ESME that stores them expects.
 */
public final class MessageIds {

    /** Room for a thousand ids per millisecond before a restart could repeat one. */
    private static final long IDS_PER_MILLISECOND = 1000;

    private final AtomicLong next;

    public MessageIds(Clock clock) {
        this.next = new AtomicLong(clock.millis() * IDS_PER_MILLISECOND);
    }

    public String next() {
        return Long.toHexString(next.getAndIncrement()).toUpperCase(Locale.ROOT);
    }
}
