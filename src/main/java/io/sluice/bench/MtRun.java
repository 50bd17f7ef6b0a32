package io.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sluice.bench.EmulatorClient.Counters;

/**
 * One MT throughput run: a PC user sends a burst to phones over STOMP; the messages cross core, WAN and
 * edge and reach the emulator one submit_sm at a time. Throughput and link utilisation are taken at the
 * emulator between its first and last submit of the burst, so the time to fill the pipe (one WAN trip)
 * is not counted: the figure is the steady rate the path sustains.
 */
final class MtRun {

    static final String OUTBOX = "/queue/sluice.outbox";
    private static final List<String> PHONES = List.of("+447700900301", "+447700900302", "+447700900303",
            "+447700900304");

    /**
     * @param perSecond   submits per second at the emulator
     * @param utilisation share of the window during which the emulator had a request outstanding
     * @param arrived     submits the emulator received for this burst
     */
    record Result(double perSecond, double utilisation, long sent, long arrived) {
    }

    private final BenchUser sender;
    private final EmulatorClient emulator;
    private final List<String> phones;

    MtRun(BenchUser sender, EmulatorClient emulator) {
        this(sender, emulator, PHONES);
    }

    /** @param phones the burst goes to these numbers in turn (to several carriers, when they are theirs) */
    MtRun(BenchUser sender, EmulatorClient emulator, List<String> phones) {
        this.sender = sender;
        this.emulator = emulator;
        this.phones = List.copyOf(phones);
    }

    Result run(String tag, int messages, Duration timeout) throws IOException, InterruptedException {
        Counters before = emulator.counters();
        for (int i = 0; i < messages; i++) {
            sender.send(OUTBOX, Map.of("to", phones.get(i % phones.size()), "client_ref", tag + "-" + i),
                    Arrivals.text(tag, i));
        }
        long target = before.submits() + messages;
        Counters first = Polling.until(emulator::counters, c -> c.submits() > before.submits(), timeout);
        Counters last = Polling.until(emulator::counters, c -> c.submits() >= target, timeout);
        double seconds = Polling.seconds(first.atNanos(), last.atNanos());
        return new Result((last.submits() - first.submits()) / seconds,
                (last.busyNanos() - first.busyNanos()) / (seconds * 1e9),
                messages, last.submits() - before.submits());
    }
}
