package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts and dumps a JFR recording in a running child with the JDK's {@code jcmd}, so that the recording
 * covers the measurements and not the child's start-up.
 */
final class Profiler {

    private static final String RECORDING = "sluice-bench";

    private Profiler() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }

    static void dump(long pid, Path file) throws IOException, InterruptedException {
        Jcmd.run(pid, "JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
    }
}
