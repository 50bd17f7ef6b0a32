package io.sluice.emulator.traffic;

import java.util.function.LongSupplier;

/**
 * The periods during which one session has a request outstanding (arrived, not answered yet): the time
 * the SMSC link is doing useful work. The benchmark divides their sum by the wall time to get the link's
 * utilisation (docs/adr/0011-benchmark-harness.md). Not thread-safe: its owner's lock guards it.
 */
public final class BusyPeriods {

    private static final long IDLE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private long busySince = IDLE;

    public BusyPeriods() {
        this(System::nanoTime);
    }

    public BusyPeriods(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Records whether requests are outstanding now.
     *
     * @return the length in nanoseconds of the busy period this change ended; 0 when none ended
     */
    public long update(boolean busyNow) {
        if (busyNow && busySince == IDLE) {
            busySince = nanoTime.getAsLong();
        } else if (!busyNow && busySince != IDLE) {
            long period = nanoTime.getAsLong() - busySince;
            busySince = IDLE;
            return period;
        }
        return 0;
    }
}
