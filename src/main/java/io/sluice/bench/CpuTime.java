package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far (user + system), from Linux' {@code /proc/<pid>/stat}, and the
 * machine's busy time from {@code /proc/stat}: read before and after a run, they show which process the
 * processors worked for, and how much went to other work on a shared machine.
 */
final class CpuTime {

    /** Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;
    /** Fields 14 and 15 of the stat line (utime, stime), counted after the command name's closing ')'. */
    private static final int UTIME_AFTER_NAME = 11;
    /** Positions in /proc/stat's "cpu" line: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static final int IDLE_FIELD = 4;
    private static final int IOWAIT_FIELD = 5;
    private static final int GUEST_FIELD = 9;

    private CpuTime() {
    }

    /**
     * Seconds the machine's processors together spent busy so far (every state of /proc/stat's first
     * line but idle and iowait), NaN where /proc cannot tell.
     */
    static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length; i++) {
                boolean idle = i == IDLE_FIELD || i == IOWAIT_FIELD;
                // guest time is already counted in user time
                if (!idle && i < GUEST_FIELD) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Seconds of CPU process {@code pid} has used, NaN where /proc cannot tell (not Linux, process gone). */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may contain spaces; the fields after it are plain numbers
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
