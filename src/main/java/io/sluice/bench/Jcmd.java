package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code jcmd}, run against a child: diagnostic commands without an agent in the child. */
final class Jcmd {

    private static final long TIMEOUT_SECONDS = 60;

    private Jcmd() {
    }

    /** Runs one diagnostic command in process {@code pid}; its output, or an error if it failed. */
    static String run(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        if (!jcmd.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not finish");
        }
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
