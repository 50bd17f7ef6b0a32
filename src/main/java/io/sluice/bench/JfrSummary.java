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

    private JfrSummary() {
    }

    static String of(String site, Path recording) throws IOException {
        if (!Files.exists(recording)) {
            return "- " + site + ": no recording was written (" + recording + ")\n";
        }
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
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
            samples++;
        }
        StringBuilder out = new StringBuilder();
        out.append("**").append(site).append("**: ").append(samples).append(" execution samples. By library of the"
                + " running method: ");
        out.append(String.join(", ", top(libraries, TOP_LIBRARIES, samples))).append(".\n\n");
        out.append("| Hottest methods (self) | share |\n| --- | --- |\n");
        for (String line : top(methods, TOP_METHODS, samples)) {
            int cut = line.lastIndexOf(' ');
            out.append("| `").append(line, 0, cut).append("` | ").append(line.substring(cut + 1)).append(" |\n");
        }
        return out.toString();
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
