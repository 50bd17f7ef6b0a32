package io.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.activemq.artemis.utils.VersionLoader;
import org.springframework.boot.SpringBootVersion;

/** What the figures were measured on and with, as the report records it. */
record Machine(int processors, String memory, String cpu, String os, String jdk, Map<String, String> versions) {

    static Machine describe() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Sluice", versionOf(io.sluice.SluiceApplication.class, "0.1.0-SNAPSHOT") + gitCommit());
        versions.put("Spring Boot", SpringBootVersion.getVersion());
        versions.put("Apache Camel", versionOf(org.apache.camel.CamelContext.class, "unknown"));
        versions.put("ActiveMQ Artemis", VersionLoader.getVersion().getFullVersion());
        versions.put("jsmpp", versionOf(org.jsmpp.session.SMPPSession.class, "unknown"));
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                osRelease() + " (kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                versions);
    }

    /** The 1-minute load average now (other work on a shared machine), or "unknown" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String versionOf(Class<?> type, String otherwise) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? otherwise : version;
    }

    /**
     * The commit the running jar was built from, as the build wrote it (git-commit-id-maven-plugin,
     * {@code git.properties}); "dirty" when the checkout had changes then. Not the working directory's:
     * a jar copied elsewhere and run from another checkout would be named after the wrong code.
     */
    static String gitCommit() {
        try (InputStream in = Machine.class.getResourceAsStream("/git.properties")) {
            if (in == null) {
                return "";
            }
            Properties git = new Properties();
            git.load(in);
            String commit = git.getProperty("git.commit.id.abbrev");
            if (commit == null || commit.isBlank()) {
                return "";
            }
            return " (commit " + commit + ("true".equals(git.getProperty("git.dirty")) ? ", with uncommitted changes" : "") + ")";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String gibibytes(String memTotal) {
        long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static String osRelease() {
        return procLine("/etc/os-release", "PRETTY_NAME").map(name -> name.substring(name.indexOf('=') + 1)
                .replace("\"", "")).orElse(System.getProperty("os.name"));
    }
}
