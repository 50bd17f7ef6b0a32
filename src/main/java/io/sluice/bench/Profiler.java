package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and dumps a JFR recording in a running child with the JDK's {@code jcmd}, so that the recording
 * covers the measurements and not the child's start-up.
 */
final class Profiler {

    private static final String RECORDING = "sluice-bench";
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private Profiler() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }

    static void dump(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        if (!jcmd.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not finish");
        }
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
