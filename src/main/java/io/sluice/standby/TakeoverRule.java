package io.sluice.standby;

import java.time.Duration;
import java.time.Instant;

/**
 * When a passive standby takes over by itself: once the primary's mirror connection, having been seen
 * at least once, has been absent for {@code takeoverAfter}. A standby that never heard its primary
 * never takes over (ADR 0014). Not thread-safe: one watcher feeds it.
 */
public final class TakeoverRule {

    private final Duration takeoverAfter;
    private boolean primarySeen;
    private Instant absentSince;

    /** @param takeoverAfter zero: never by itself (manual activation only) */
    public TakeoverRule(Duration takeoverAfter) {
        this.takeoverAfter = takeoverAfter;
    }

    /** Feeds one observation; true when the standby should take over now. */
    public boolean observe(boolean primaryConnected, Instant now) {
        if (primaryConnected) {
            primarySeen = true;
            absentSince = null;
            return false;
        }
        if (!primarySeen || takeoverAfter.isZero()) {
            return false;
        }
        if (absentSince == null) {
            absentSince = now;
        }
        return !now.isBefore(absentSince.plus(takeoverAfter));
    }

    public boolean primarySeen() {
        return primarySeen;
    }

    /** Since when the primary has been gone, or null while it is connected or was never seen. */
    public Instant absentSince() {
        return absentSince;
    }
}
