package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's wait table, from a real JFR recording of a thread that waited. */
class JfrWaitsTest {

    @TempDir
    Path directory;

    @Test
    void aLongParkIsCountedForItsThreadPoolAndTheMethodThatWaited() throws Exception {
        Path file = directory.resolve("waits.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            Thread waiter = new Thread(JfrWaitsTest::waitForTheSmsc, "Camel (camel-1) thread #7 - JmsConsumer[sluice.mt.alpha]");
            waiter.start();
            waiter.join();
            recording.stop();
            recording.dump(file);
        }

        String table = JfrWaits.of("edge", file);

        assertThat(table).contains("| Camel (camel-#) thread ## - JmsConsumer[sluice.mt.alpha] | "
                + "io.sluice.bench.JfrWaitsTest.waitForTheSmsc | 1 |");
        assertThat(table).contains("No disk sync took 10 ms or more.");
    }

    @Test
    void aMissingRecordingIsSaidSo() throws Exception {
        assertThat(JfrWaits.of("core", directory.resolve("none.jfr"))).contains("no recording was written");
        assertThat(Files.exists(directory.resolve("none.jfr"))).isFalse();
    }

    /** The wait being measured: one park of 30 ms, above JFR's 10 ms threshold. */
    private static void waitForTheSmsc() {
        LockSupport.parkNanos(Duration.ofMillis(30).toNanos());
    }
}
