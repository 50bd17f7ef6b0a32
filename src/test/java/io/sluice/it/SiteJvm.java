package io.sluice.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sluice.Role;
import io.sluice.credentials.DemoCredentials;
import io.sluice.demo.RoleProcess;
import io.sluice.link.tls.LinkPki;

/**
 * Starts the processes of the integration tests' sites: {@link RoleProcess#SMALL_JVM}, this test run's class
 * path without the test classes, and a class data sharing (CDS) archive that every site maps instead of
 * loading and verifying the same twenty thousand classes again (a third less CPU per start; ADR 0023).
 *
 * <p>The archive is made once per test run, before the first site starts: a core is started with
 * {@code -XX:ArchiveClassesAtExit}, stopped once ready, and the JVM writes the classes it loaded as it exits.
 * The core loads most of what the other roles load (Spring, Camel, Artemis, Tomcat); the rest they load as
 * usual. CDS takes classes from jars only, so the sites run from the build's plain jar
 * ({@code sluice.it.sites-jar}, made from target/classes by {@code package}) instead of target/classes. Without
 * that jar, with one older than target/classes (a run that skipped {@code package}), or when the training
 * fails, sites start as before, from target/classes; a JVM that finds the archive does not match its jars
 * ignores it by itself.
 */
final class SiteJvm {

    /** Where failsafe's configuration puts the plain jar and the archive (pom.xml). */
    private static final String SITES_JAR = "sluice.it.sites-jar";
    private static final String ARCHIVE = "sluice.it.cds-archive";
    /** Writing the archive takes the exiting JVM some seconds of CPU; more on a loaded machine. */
    private static final Duration TRAINING_EXIT = Duration.ofMinutes(3);
    private static final int TERMINATED_BY_SIGTERM = 143;

    private static SiteJvm instance;

    private final String classPath;
    private final List<String> options;

    private SiteJvm(String classPath, List<String> options) {
        this.classPath = classPath;
        this.options = options;
    }

    /** Starts a role as a site of the tests; see {@link RoleProcess#start(Role, int, List, List, Path, String)}. */
    static RoleProcess start(Role role, int httpPort, List<String> arguments, Path log) throws IOException {
        SiteJvm jvm = get();
        return RoleProcess.start(role, httpPort, jvm.options, arguments, log, jvm.classPath);
    }

    private static synchronized SiteJvm get() {
        if (instance == null) {
            instance = prepare();
        }
        return instance;
    }

    private static SiteJvm prepare() {
        // Failsafe puts the application and its dependencies on this path; the sites get no test classes.
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).toList();
        SiteJvm withoutArchive = new SiteJvm(String.join(File.pathSeparator, entries), RoleProcess.SMALL_JVM);
        String jarSetting = System.getProperty(SITES_JAR);
        String archiveSetting = System.getProperty(ARCHIVE);
        if (jarSetting == null || archiveSetting == null || !Files.isRegularFile(Path.of(jarSetting))) {
            System.out.println("Sites start without a CDS archive: no plain jar of the classes (" + jarSetting + ")");
            return withoutArchive;
        }
        Path jar = Path.of(jarSetting).toAbsolutePath();
        Path classes = entries.stream().filter(entry -> entry.endsWith(File.separator + "classes")).map(Path::of)
                .findFirst().orElse(null);
        String classPath = entries.stream()
                .map(entry -> entry.endsWith(File.separator + "classes") ? jar.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));
        Path archive = Path.of(archiveSetting).toAbsolutePath();
        try {
            if (classes == null || !isNewer(jar, classes)) {
                // e.g. an IT run from an IDE after the code changed: the sites must run what was compiled
                System.out.println("Sites start without a CDS archive: " + jar + " is older than " + classes);
                return withoutArchive;
            }
            if (!isNewer(archive, jar)) {
                train(archive, classPath);
            }
            List<String> options = new ArrayList<>(RoleProcess.SMALL_JVM);
            options.add("-XX:SharedArchiveFile=" + archive);
            return new SiteJvm(classPath, options);
        } catch (Exception e) {
            System.out.println("Sites start without a CDS archive: " + e);
            return withoutArchive;
        }
    }

    /**
     * Whether {@code file} was written after everything in {@code source} (a file or a folder): the jar after
     * the classes it holds, the archive after the jar it was made from.
     */
    private static boolean isNewer(Path file, Path source) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(file);
        try (Stream<Path> sources = Files.walk(source)) {
            return sources.filter(Files::isRegularFile).allMatch(path -> {
                try {
                    return Files.getLastModifiedTime(path).compareTo(written) <= 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /**
     * A core started, awaited and stopped with SIGTERM, writing the classes it loaded to the archive as it
     * exits; under a temporary name, renamed only once the JVM has ended as asked, so that no site ever maps
     * a half-written archive.
     */
    private static void train(Path archive, String classPath) throws Exception {
        long start = System.nanoTime();
        Path folder = Files.createDirectories(archive.getParent());
        Path part = folder.resolve(archive.getFileName() + ".part");
        Files.deleteIfExists(part);
        LinkPki pki = LinkPki.localInstallation(folder.resolve("tls"), List.of("alpha"));
        List<String> options = new ArrayList<>(RoleProcess.SMALL_JVM);
        options.add("-XX:ArchiveClassesAtExit=" + part);
        RoleProcess core = RoleProcess.start(Role.CORE, FreePorts.next(), options, List.of(
                "--sluice.data-dir=" + folder.resolve("data"),
                "--sluice.core.stomp-port=" + FreePorts.next(),
                "--sluice.core.edge-port=" + FreePorts.next(),
                "--sluice.core.bind-host=127.0.0.1",
                "--spring.config.import=file:" + pki.coreSettings(),
                DemoCredentials.ARGUMENT,
                "--logging.level.root=WARN"), folder.resolve("training-core.log"), classPath);
        try {
            core.awaitReady(SluiceSites.STARTUP);
        } finally {
            ProcessHandle.of(core.pid()).ifPresent(ProcessHandle::destroy); // SIGTERM: the JVM exits normally
        }
        int exit;
        try {
            exit = core.awaitExit(TRAINING_EXIT);
        } catch (IllegalStateException tooSlow) {
            core.kill();
            throw tooSlow;
        }
        if (exit != TERMINATED_BY_SIGTERM && exit != 0) {
            throw new IOException("the training core ended with exit code " + exit + "; see " + core.log());
        }
        if (!Files.isRegularFile(part) || Files.size(part) == 0) {
            throw new IOException("the training core wrote no archive; see " + core.log());
        }
        Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("CDS archive for the sites made in %.1f s: %s (%d MiB)%n",
                (System.nanoTime() - start) / 1e9, archive, Files.size(archive) >> 20);
    }
}
