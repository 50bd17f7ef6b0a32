package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a child's CPU time went, from its JFR recording: the share of execution samples per top frame
 * (self time, by method) and per library of the top frame. Written into the report's notes.
 */
final class JfrSummary {

    private static final int TOP_METHODS = 12;
    private static final int TOP_LIBRARIES = 8;
    private static final int TOP_CAUSES = 10;
    private static final int TOP_THREADS = 6;
    private static final String SLUICE = "io.sluice.";
    private static final String NO_SLUICE_FRAME = "(no Sluice method on the stack)";
    /**
     * Code found on many stacks when the quick run was first profiled, counted inclusively (anywhere on the
     * stack) so later runs show whether it still costs what it did: label to class-name prefix.
     */
    private static final Map<String, String> WATCHED = Map.copyOf(Map.of(
            "Artemis last-value queues (the ring stores, ADR 0004)", "org.apache.activemq.artemis.core.server.impl.LastValueQueue",
            "bcrypt password checks (re-authentication)", "org.springframework.security.crypto.bcrypt.",
            "Artemis journal", "org.apache.activemq.artemis.core.journal.",
            "logging (logback)", "ch.qos.logback.",
            "Camel (anything)", "org.apache.camel."));

    private JfrSummary() {
    }

    static String of(String site, Path recording) throws IOException {
        if (!Files.exists(recording)) {
            return "- " + site + ": no recording was written (" + recording + ")\n";
        }
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> causes = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> watched = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            RecordedFrame top = stack.getFrames().get(0);
            String type = top.getMethod().getType().getName();
            methods.merge(type + "." + top.getMethod().getName(), 1, Integer::sum);
            libraries.merge(library(type), 1, Integer::sum);
            causes.merge(firstSluiceFrame(stack), 1, Integer::sum);
            threads.merge(threadGroup(event), 1, Integer::sum);
            WATCHED.forEach((label, prefix) -> {
                if (onStack(stack, prefix)) {
                    watched.merge(label, 1, Integer::sum);
                }
            });
            samples++;
        }
        StringBuilder out = new StringBuilder();
        out.append("**").append(site).append("**: ").append(samples).append(" execution samples. By library of the"
                + " running method: ");
        out.append(String.join(", ", top(libraries, TOP_LIBRARIES, samples))).append(". By thread: ");
        out.append(String.join(", ", top(threads, TOP_THREADS, samples))).append(".\n\n");
        table(out, "On the stack (inclusive)", watched, WATCHED.size(), samples);
        out.append('\n');
        table(out, "Sluice code that caused the work (innermost `io.sluice` method on the stack)", causes, TOP_CAUSES,
                samples);
        out.append('\n');
        table(out, "Hottest methods (self time)", methods, TOP_METHODS, samples);
        return out.toString();
    }

    private static void table(StringBuilder out, String title, Map<String, Integer> counts, int how, int samples) {
        out.append("| ").append(title).append(" | share |\n| --- | --- |\n");
        for (String line : top(counts, how, samples)) {
            int cut = line.lastIndexOf(' ');
            out.append("| ").append(line, 0, cut).append(" | ").append(line.substring(cut + 1)).append(" |\n");
        }
    }

    private static boolean onStack(RecordedStackTrace stack, String prefix) {
        return stack.getFrames().stream().anyMatch(frame -> frame.getMethod().getType().getName().startsWith(prefix));
    }

    /** The Sluice method nearest the top of the stack: which of our code paths this sample works for. */
    private static String firstSluiceFrame(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith(SLUICE)) {
                return type.substring(SLUICE.length()) + "." + frame.getMethod().getName();
            }
        }
        return NO_SLUICE_FRAME;
    }

    /** A thread's name without its number: the pool it belongs to. */
    private static String threadGroup(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return name.replaceAll("[0-9]+", "#").replace(' ', '_');
    }

    private static List<String> top(Map<String, Integer> counts, int how, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(how).map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue()
                        / Math.max(1, total))).toList();
    }

    /** The first package names that tell libraries apart: {@code org.apache.activemq}, {@code java.util}. */
    private static String library(String type) {
        String[] parts = type.split("\\.");
        if (parts.length < 3) {
            return type;
        }
        boolean vendor = parts[0].equals("org") || parts[0].equals("com") || parts[0].equals("io");
        return vendor ? parts[0] + "." + parts[1] + "." + parts[2] : parts[0] + "." + parts[1];
    }
}
