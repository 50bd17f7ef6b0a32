package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a child's threads waited, from its JFR recording: the long waits (JFR's {@code profile}
 * settings record parks and monitor waits of 10 ms or more) per thread pool and per thing waited for,
 * and the long disk syncs. The CPU profile ({@link JfrSummary}) shows what the sites computed; this
 * shows what held a message up between stages: the SMSC's answer, a broker commit, the next message.
 */
final class JfrWaits {

    private static final int ROWS = 16;
    private static final String IDLE = "work (an idle pool thread)";
    /** Threads that carry messages: Camel's consumers, jsmpp's PDU pool, the MT bookkeeper. */
    private static final List<String> MESSAGE_PATH = List.of("Camel", "pool-#-thread-#", "mt-outcomes", "PDUReader");
    private static final List<String> WAIT_EVENTS = List.of("jdk.ThreadPark", "jdk.JavaMonitorWait");
    private static final String DISK_SYNC_EVENT = "jdk.FileForce";
    /** Frames that name what a thread waited for, looked for from the top of its stack: prefix to label. */
    private static final Map<String, String> WAITING_FOR = labels();

    private JfrWaits() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.jsmpp.extra.PendingResponse.waitDone", "the SMSC's answer (jsmpp)");
        labels.put("io.sluice.edge.MtOutcomes.awaitRoom", "answers not yet on disk (ADR 0021)");
        labels.put("io.sluice.edge.MtOutcomes.nextBatch", "outcomes to commit");
        labels.put("org.apache.activemq.artemis.core.client.impl.ClientSessionImpl.commit", "a broker commit");
        labels.put("org.apache.activemq.artemis.core.client.impl.ClientConsumerImpl.receive", "the next message");
        labels.put("java.util.concurrent.LinkedBlockingQueue.take", IDLE);
        labels.put("java.util.concurrent.ThreadPoolExecutor.getTask", IDLE);
        return Collections.unmodifiableMap(labels);
    }

    private record Key(String threads, String waitingFor) {
    }

    static String of(String site, Path recording) throws IOException {
        if (!Files.exists(recording)) {
            return "- " + site + ": no recording was written (" + recording + ")\n";
        }
        Map<Key, long[]> waits = new HashMap<>(); // count, nanos
        List<Long> syncs = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (DISK_SYNC_EVENT.equals(type)) {
                syncs.add(event.getDuration().toNanos());
            } else if (WAIT_EVENTS.contains(type) && onMessagePath(threadGroup(event.getThread()))) {
                String waitingFor = waitingFor(event.getStackTrace());
                if (waitingFor.equals(IDLE)) {
                    continue;
                }
                long[] sum = waits.computeIfAbsent(new Key(threadGroup(event.getThread()), waitingFor),
                        key -> new long[2]);
                sum[0]++;
                sum[1] += event.getDuration().toNanos();
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("**").append(site).append("**, long waits (10 ms or more each) on the message path (Camel's"
                + " consumers, jsmpp's PDU pool, the MT bookkeeper), by thread pool and what it waited for:\n\n| Threads | waiting for | waits | total s | mean ms |\n| --- | --- | --- | --- | --- |\n");
        waits.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Key, long[]> e) -> e.getValue()[1]).reversed())
                .limit(ROWS)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |%n",
                        e.getKey().threads(), e.getKey().waitingFor(), e.getValue()[0], e.getValue()[1] / 1e9,
                        e.getValue()[1] / 1e6 / e.getValue()[0])));
        out.append('\n').append(syncLine(syncs)).append('\n');
        return out.toString();
    }

    private static String syncLine(List<Long> syncs) {
        if (syncs.isEmpty()) {
            return "No disk sync took 10 ms or more.\n";
        }
        syncs.sort(null);
        return String.format(Locale.ROOT, "Disk syncs of 10 ms or more: %d, median %.1f ms, p90 %.1f ms, longest %.1f ms.%n",
                syncs.size(), ms(syncs.get(syncs.size() / 2)), ms(syncs.get(syncs.size() * 9 / 10)),
                ms(syncs.get(syncs.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The first frame from the top that names what the thread waited for; else the first non-JDK method. */
    static String waitingFor(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        String firstOwn = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (Map.Entry<String, String> label : WAITING_FOR.entrySet()) {
                if (method.equals(label.getKey())) {
                    return label.getValue();
                }
            }
            if (firstOwn == null && !method.startsWith("java.") && !method.startsWith("jdk.") && !method.startsWith("sun.")) {
                firstOwn = method;
            }
        }
        return firstOwn == null ? "(JDK only)" : firstOwn;
    }

    private static boolean onMessagePath(String threads) {
        return MESSAGE_PATH.stream().anyMatch(threads::startsWith) && !threads.contains("timer://");
    }

    /** A thread's name without its numbers: the pool it belongs to ({@code pool-#-thread-#} is jsmpp's PDU pool). */
    static String threadGroup(RecordedThread thread) {
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return name.replaceAll("[0-9]+", "#").replace("|", "/");
    }
}
