package io.sluice.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds by process, summed over stretches of wall time of one kind (the sweep's MT runs): which process
 * the processors worked for while that kind of run went on, and how much per message. Read from Linux'
 * {@code /proc} ({@link CpuTime}); NaN where it cannot tell.
 */
final class CpuAccount {

    /** CPU seconds so far of each process, and of the whole machine, at one moment. */
    record Reading(Map<String, Double> byProcess, double machine, long atNanos) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private double machineSeconds;
    private double wallSeconds;
    private long messages;

    /** @param pids the processes to account for, by name, in the order the report lists them */
    CpuAccount(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.pids.forEach((name, pid) -> seconds.put(name, 0.0));
    }

    Reading read() {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        pids.forEach((name, pid) -> byProcess.put(name, CpuTime.seconds(pid)));
        return new Reading(byProcess, CpuTime.machineBusySeconds(), System.nanoTime());
    }

    /** Adds what was used from {@code from} until now, over a stretch that carried {@code carried} messages. */
    synchronized void addSince(Reading from, long carried) {
        Reading to = read();
        to.byProcess().forEach((name, now) -> seconds.merge(name, now - from.byProcess().get(name), Double::sum));
        machineSeconds += to.machine() - from.machine();
        wallSeconds += (to.atNanos() - from.atNanos()) / 1e9;
        messages += carried;
    }

    /** Whether anything was accounted, and /proc could tell. */
    synchronized boolean measured() {
        return wallSeconds > 0 && messages > 0 && !Double.isNaN(machineSeconds);
    }

    synchronized Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }

    /** Busy time of the machine that none of the accounted processes used: other work on it. */
    synchronized double othersSeconds() {
        return machineSeconds - seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    synchronized double machineSeconds() {
        return machineSeconds;
    }

    synchronized double wallSeconds() {
        return wallSeconds;
    }

    synchronized long messages() {
        return messages;
    }
}
