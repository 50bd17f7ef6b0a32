package io.sluice.emulator.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last N PDUs in and out of the emulator, oldest first; older ones are dropped. */
public final class TrafficLog {

    private final int limit;
    private final Deque<TrafficRecord> records;

    public TrafficLog(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.records = new ArrayDeque<>(Math.min(limit, 1024));
    }

    public synchronized void record(TrafficRecord record) {
        if (records.size() == limit) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    /** The newest {@code count} records, oldest first. */
    public synchronized List<TrafficRecord> latest(int count) {
        int skip = Math.max(0, records.size() - Math.max(0, count));
        List<TrafficRecord> latest = new ArrayList<>(records.size() - skip);
        records.stream().skip(skip).forEach(latest::add);
        return latest;
    }

    public synchronized void clear() {
        records.clear();
    }
}
