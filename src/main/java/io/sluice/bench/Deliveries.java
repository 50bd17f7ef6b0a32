package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;

/** Every run's sent and arrived counts: the one thing the smoke test asserts, and the report lists. */
final class Deliveries {

    record Check(String run, long sent, long arrived) {
        boolean complete() {
            return arrived >= sent;
        }
    }

    private final List<Check> checks = new ArrayList<>();

    synchronized void add(String run, long sent, long arrived) {
        checks.add(new Check(run, sent, arrived));
    }

    synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    synchronized boolean allArrived() {
        return checks.stream().allMatch(Check::complete);
    }

    synchronized long sent() {
        return checks.stream().mapToLong(Check::sent).sum();
    }

    synchronized long arrived() {
        return checks.stream().mapToLong(c -> Math.min(c.sent(), c.arrived())).sum();
    }
}
