package io.sluice.emulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

    @Test
    void keepsTheNewestRecordsUpToItsLimit() {
        TrafficLog log = new TrafficLog(3);

        IntStream.rangeClosed(1, 5).forEach(sequence -> log.record(record(sequence)));

        assertThat(log.latest(10)).extracting(TrafficRecord::sequence).containsExactly(3, 4, 5);
    }

    @Test
    void latestReturnsTheNewestOldestFirst() {
        TrafficLog log = new TrafficLog(10);
        IntStream.rangeClosed(1, 5).forEach(sequence -> log.record(record(sequence)));

        assertThat(log.latest(2)).extracting(TrafficRecord::sequence).containsExactly(4, 5);
        assertThat(log.latest(0)).isEmpty();
    }

    @Test
    void clearEmptiesTheLog() {
        TrafficLog log = new TrafficLog(10);
        log.record(record(1));

        log.clear();

        assertThat(log.latest(10)).isEmpty();
    }

    private static TrafficRecord record(int sequence) {
        return new TrafficRecord(Instant.EPOCH, "esme-1", TrafficRecord.IN, "submit_sm", sequence, 0, "7777",
                "447700900123", "hi", null);
    }
}
