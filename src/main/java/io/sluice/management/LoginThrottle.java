package io.sluice.management;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing on the management logins (console, Jolokia, the REST views; ADR 0030). A
 * login that failed {@link #FAILURES_PER_LOGIN} times from one address within {@link #WINDOW}, or any
 * {@link #FAILURES_PER_ADDRESS} failures from one address, is refused from that address until the oldest
 * of those failures is older than the window, even with the right password: a guesser cannot tell the
 * right one from a refusal. Kept in memory, bounded; a restart forgets it.
 */
public final class LoginThrottle {

    static final int FAILURES_PER_LOGIN = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Logins and addresses remembered at most; the least recently failed go first. */
    private static final int REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > REMEMBERED;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code login} from {@code address} is still refused; zero if it may try. */
    public synchronized Duration refusedFor(String login, String address) {
        Instant now = clock.instant();
        Duration byLogin = wait(loginKey(login, address), FAILURES_PER_LOGIN, now);
        Duration byAddress = wait(address, FAILURES_PER_ADDRESS, now);
        return byLogin.compareTo(byAddress) >= 0 ? byLogin : byAddress;
    }

    public synchronized void failed(String login, String address) {
        Instant now = clock.instant();
        record(loginKey(login, address), now);
        record(address, now);
    }

    /** A login that succeeded starts afresh; its address keeps what others failed from it. */
    public synchronized void succeeded(String login, String address) {
        failures.remove(loginKey(login, address));
    }

    private static String loginKey(String login, String address) {
        return login + "@" + address;
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > FAILURES_PER_ADDRESS) {
            times.removeFirst();
        }
    }

    private Duration wait(String key, int allowed, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < allowed) {
            return Duration.ZERO;
        }
        // refused until the failure that made the count `allowed` leaves the window
        Instant oldestThatCounts = times.stream().skip(times.size() - allowed).findFirst().orElseThrow();
        return Duration.between(now, oldestThatCounts.plus(WINDOW));
    }
}
