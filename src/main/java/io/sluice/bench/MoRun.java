package io.sluice.bench;

import java.time.Duration;

/**
 * One MO throughput run: a phone texts {@code @bob <tag> <i>} to the service number through the
 * emulator's REST API; the messages cross edge, WAN and core into bob's inbox, where his STOMP client
 * times them. Throughput is taken between the first and the last arrival.
 */
final class MoRun {

    static final String PHONE = "+447700900399";

    /** @param perSecond messages per second at bob's client */
    record Result(double perSecond, long sent, long arrived) {
    }

    private final BenchUser receiver;
    private final EmulatorClient emulator;

    MoRun(BenchUser receiver, EmulatorClient emulator) {
        this.receiver = receiver;
        this.emulator = emulator;
    }

    Result run(String tag, int messages, Duration timeout) throws InterruptedException {
        Arrivals.Tally tally = receiver.arrivals().expect(tag, messages);
        for (int i = 0; i < messages; i++) {
            emulator.originateMo(PHONE, "@bob " + Arrivals.text(tag, i));
        }
        tally.awaitAll(timeout);
        long[] times = tally.sortedTimes();
        double perSecond = times.length < 2 ? Double.NaN
                : (times.length - 1) / Polling.seconds(times[0], times[times.length - 1]);
        return new Result(perSecond, messages, times.length);
    }
}
