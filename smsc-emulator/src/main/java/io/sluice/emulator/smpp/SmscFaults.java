package io.sluice.emulator.smpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Misbehaviour switched on for a while rather than per message: a period in which every submit is
 * refused with one status (an ESME_RTHROTTLED storm, ESME_RMSGQFUL for a minute), on SMPP and CIMD2
 * alike; and the memory that lets a {@link WireFault} hit only the first submit of its text.
 */
public final class SmscFaults {

    /** Texts remembered for {@link #firstAttempt}; the oldest are forgotten first. */
    private static final int REMEMBERED_TEXTS = 10_000;

    private record Refusal(int status, Instant until) {
    }

    private final Clock clock;
    private volatile Refusal refusal;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TEXTS;
        }
    };

    public SmscFaults(Clock clock) {
        this.clock = clock;
    }

    /** From now on and for {@code period}, every submit is answered {@code status} (SMPP; CIMD2 maps it). */
    public void refuseSubmits(int status, Duration period) {
        if (status == 0) {
            throw new IllegalArgumentException("a refusal needs a command_status other than ESME_ROK");
        }
        refusal = new Refusal(status, clock.instant().plus(period));
    }

    /** Ends a refusal period early. */
    public void stopRefusing() {
        refusal = null;
    }

    /** The status every submit is refused with now, if a refusal period is running. */
    public OptionalInt refusal() {
        Refusal current = refusal;
        return current != null && clock.instant().isBefore(current.until()) ? OptionalInt.of(current.status())
                : OptionalInt.empty();
    }

    /** True the first time a text is asked about (within the last {@value #REMEMBERED_TEXTS} texts). */
    public synchronized boolean firstAttempt(String text) {
        return seen.put(text, Boolean.TRUE) == null;
    }
}
