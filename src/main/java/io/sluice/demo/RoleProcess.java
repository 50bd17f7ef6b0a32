package io.sluice.demo;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.sluice.Role;

/**
 * One Sluice role running as its own OS process (same Java, same class path), with its output in a
 * log file. Used by the demo to supervise its sites, and by tests that kill sites for real.
 */
public final class RoleProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final String CLASS_ARCHIVE = "-XX:SharedArchiveFile=";

    private final Role role;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private RoleProcess(Role role, Process process, Path log, int httpPort) {
        this.role = role;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * JVM options of a site started by the demo and the tests: small, quiet children, since several share
     * two cores in CI. The quick compiler only: a site starts in half the time when several start on two
     * cores, and C2's background compiling no longer competes with the messages for the CPU.
     */
    public static final List<String> SMALL_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * Starts a role with {@code --server.port=httpPort}, the given Spring Boot arguments and {@link #SMALL_JVM}.
     *
     * @param classPath entries for the child; test-output folders are dropped so that test
     *                  configuration never leaks into a site
     */
    public static RoleProcess start(Role role, int httpPort, List<String> arguments, Path log, String classPath)
            throws IOException {
        return start(role, httpPort, SMALL_JVM, arguments, log, classPath);
    }

    /** As {@link #start(Role, int, List, Path, String)}, with these JVM options instead (the benchmark's). */
    public static RoleProcess start(Role role, int httpPort, List<String> jvmOptions, List<String> arguments, Path log,
            String classPath) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String childClassPath = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        if (jvmOptions.stream().noneMatch(option -> option.startsWith(CLASS_ARCHIVE))) {
            inheritedClassArchive(childClassPath).ifPresent(command::add);
        }
        if (!childClassPath.contains(File.pathSeparator) && childClassPath.endsWith(".jar")) {
            command.add("-jar"); // started from the executable jar: let Spring Boot's launcher run
            command.add(childClassPath);
        } else {
            command.add("-cp");
            command.add(childClassPath);
            command.add("io.sluice.SluiceApplication");
        }
        command.add("--sluice.role=" + role.profile());
        command.add("--server.port=" + httpPort);
        command.add("--sluice.parent-pid=" + ProcessHandle.current().pid()); // see ParentWatch
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new RoleProcess(role, process, log, httpPort);
    }

    /**
     * This JVM's class data sharing archive ({@code -XX:SharedArchiveFile}), for a child on this JVM's own
     * class path: an archive holds classes of the jars it was made from, so it fits such a child too. Only a
     * JVM started with one passes it on (the integration tests' demo and bench, ADR 0023); none otherwise.
     */
    private static Optional<String> inheritedClassArchive(String childClassPath) {
        if (!childClassPath.equals(System.getProperty("java.class.path"))) {
            return Optional.empty();
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith(CLASS_ARCHIVE)).findFirst();
    }

    /** Waits until the role answers its readiness probe; fails early if the process dies. */
    public RoleProcess awaitReady(Duration timeout) throws InterruptedException {
        return awaitProbe("readiness", timeout);
    }

    /** Waits until the role answers its liveness probe (a passive standby core is alive, not ready). */
    public RoleProcess awaitAlive(Duration timeout) throws InterruptedException {
        return awaitProbe("liveness", timeout);
    }

    private RoleProcess awaitProbe(String probe, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://localhost:" + httpPort + "/actuator/health/" + probe);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(role.profile() + " exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // the role is still starting
            }
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(role.profile() + " did not pass its " + probe + " probe within " + timeout
                + "; see " + log);
    }

    public Role role() {
        return role;
    }

    public Path log() {
        return log;
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; returns its exit code, or fails after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(role.profile() + " did not end within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up (fault tests). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if the role has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /**
     * Stops several roles as {@link #close()} does, but all at once: SIGTERM to every one first, so that
     * their graceful shut-downs overlap instead of adding up, and SIGKILL to those still running 30 s later.
     */
    public static void closeAll(Collection<RoleProcess> roles) throws InterruptedException {
        for (RoleProcess role : roles) {
            role.process.destroy();
        }
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        for (RoleProcess role : roles) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!role.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                role.kill();
            }
        }
    }
}
