package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.sluice.bench.EmulatorClient.Counters;

/**
 * Measurement 5: the WAN between core and edge becomes a black hole; a PC user keeps sending to phones
 * at a steady rate all along, so a backlog builds up at the core; when the black hole ends, the time
 * until the emulator has every message is the drain time. It is set against the shortest possible:
 * backlog ÷ the SMSC's ceiling (1 / h), and against backlog ÷ the throughput measured at the same RTT.
 */
final class RecoveryRun {

    /** How fast the backlog is fed while the black hole lasts. */
    static final double INFLOW_PER_SECOND = 10;
    private static final String PHONE = "+447700900397";

    /**
     * @param relinkSeconds from the end of the black hole to the emulator's first submit of the backlog
     * @param drainSeconds  from the end of the black hole to the emulator's last submit of the backlog
     */
    record Result(long backlog, long arrived, double relinkSeconds, double drainSeconds) {
    }

    private final BenchUser sender;
    private final EmulatorClient emulator;
    private final WanControl wan;

    RecoveryRun(BenchUser sender, EmulatorClient emulator, WanControl wan) {
        this.sender = sender;
        this.emulator = emulator;
        this.wan = wan;
    }

    Result run(String tag, Duration blackHole) throws IOException, InterruptedException {
        int backlog = (int) Math.max(1, blackHole.toSeconds() * INFLOW_PER_SECOND);
        Counters before = emulator.counters();
        wan.blackHole(true);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < backlog; i++) {
                Polling.pauseUntil(start + (long) (i * 1e9 / INFLOW_PER_SECOND));
                sender.send(MtRun.OUTBOX, Map.of("to", PHONE, "client_ref", tag + "-" + i), Arrivals.text(tag, i));
            }
            Polling.pauseUntil(start + blackHole.toNanos());
        } finally {
            wan.blackHole(false);
        }
        long restored = System.nanoTime();
        Duration timeout = WanSweep.timeoutFor(backlog, Duration.ofSeconds(1));
        Counters first = Polling.until(emulator::counters, c -> c.submits() > before.submits(), timeout);
        Counters done = Polling.until(emulator::counters, c -> c.submits() >= before.submits() + backlog, timeout);
        return new Result(backlog, done.submits() - before.submits(), Polling.seconds(restored, first.atNanos()),
                Polling.seconds(restored, done.atNanos()));
    }
}
