package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sluice.Role;
import io.sluice.credentials.DemoCredentials;
import io.sluice.demo.RoleProcess;

/**
 * The child processes of one installation under test: each a role of this jar with the bench's JVM
 * options, its data under one data directory, its log in the run's {@code logs} folder; stopped in the
 * reverse order of their start.
 */
final class Children implements AutoCloseable {

    private final BenchProperties settings;
    private final Path dataDir;
    private final String classPath;
    private final List<RoleProcess> started = new ArrayList<>();

    /** @param dataDir the children's {@code sluice.data-dir}: each role keeps its site data in a folder below */
    Children(BenchProperties settings, Path dataDir, String classPath) {
        this.settings = settings;
        this.dataDir = dataDir.toAbsolutePath();
        this.classPath = classPath;
    }

    /** Starts a role with the bench's JVM options; {@code name} names its log. */
    RoleProcess start(Role role, int httpPort, String name, List<String> specific) throws IOException {
        return start(role, httpPort, name, settings.childJvmOptions(), specific);
    }

    RoleProcess start(Role role, int httpPort, String name, List<String> jvmOptions, List<String> specific)
            throws IOException {
        List<String> arguments = new ArrayList<>(specific);
        arguments.add("--sluice.data-dir=" + dataDir);
        arguments.add(DemoCredentials.ARGUMENT); // the benchmark's users are the demo's (ADR 0017)
        arguments.add("--logging.level.root=WARN");
        RoleProcess child = RoleProcess.start(role, httpPort, jvmOptions, arguments,
                settings.workDir().toAbsolutePath().resolve("logs").resolve(name + ".log"), classPath);
        started.add(child);
        return child;
    }

    /** Waits until every child started so far is ready. */
    void awaitReady() throws InterruptedException {
        Duration timeout = settings.startupTimeout();
        for (RoleProcess child : started) {
            child.awaitReady(timeout);
        }
    }

    /** Stops one child before the others, e.g. to start it again with other settings. */
    void stop(RoleProcess child) throws InterruptedException {
        started.remove(child);
        child.close();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
