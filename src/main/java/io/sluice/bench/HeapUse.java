package io.sluice.bench;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child's live heap: a full collection ({@code jcmd GC.run}), then the used sizes of the heap's
 * generations ({@code GC.heap_info}). What the idle sessions cost the core in memory, step by step.
 */
final class HeapUse {

    /** "used 1234K" in each generation's line of the heap summary (Serial, Parallel and G1 all print it). */
    private static final Pattern GENERATION_USED = Pattern.compile(
            "^\\s*(?:def new generation|tenured generation|PSYoungGen|ParOldGen|garbage-first heap)\\s.*?used (\\d+)K",
            Pattern.MULTILINE);

    private HeapUse() {
    }

    /** Bytes of heap in use after a full collection, or -1 when the summary could not be read. */
    static long afterFullGc(long pid) throws IOException, InterruptedException {
        Jcmd.run(pid, "GC.run");
        return usedBytes(Jcmd.run(pid, "GC.heap_info"));
    }

    static long usedBytes(String heapInfo) {
        Matcher used = GENERATION_USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        return found ? kib * 1024 : -1;
    }
}
