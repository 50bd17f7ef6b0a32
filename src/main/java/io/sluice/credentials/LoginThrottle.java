package io.sluice.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing. A login that failed {@link #FAILURES_PER_LOGIN} times from one address
 * within {@link #WINDOW} is refused from that address until the oldest of those failures is older than
 * the window, even with the right password: a guesser cannot tell the right one from a refusal. The
 * management logins (console, Jolokia, the REST views; ADR 0030) also refuse every login from an
 * address with {@link #FAILURES_PER_ADDRESS} failures; the chat logins over STOMP do not, because
 * behind a proxy every user has the proxy's address (ADR 0033). Kept in memory, bounded; a restart
 * forgets it.
 */
public final class LoginThrottle {

    public static final int FAILURES_PER_LOGIN = 5;
    public static final int FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * Longer than any login Sluice has (user names 32, edges' {@code edge-} and a carrier); a longer one
     * is kept under its first this many characters, so that failed logins cannot fill the memory with
     * names of a STOMP frame's length.
     */
    public static final int LONGEST_LOGIN = 64;
    /** Logins and addresses remembered at most; the least recently failed go first. */
    private static final int REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final boolean limitsAddresses;

    private LoginThrottle(Clock clock, boolean limitsAddresses) {
        this.clock = clock;
        this.limitsAddresses = limitsAddresses;
    }

    /** Both limits: per login and address, and per address. */
    public static LoginThrottle byLoginAndAddress(Clock clock) {
        return new LoginThrottle(clock, true);
    }

    /** Per login and address only: many logins failing from one address hold none of the others off. */
    public static LoginThrottle byLogin(Clock clock) {
        return new LoginThrottle(clock, false);
    }

    /** How long {@code login} from {@code address} is still refused; zero if it may try. */
    public synchronized Duration refusedFor(String login, String address) {
        Instant now = clock.instant();
        Duration byLogin = wait(loginKey(login, address), FAILURES_PER_LOGIN, now);
        Duration byAddress = limitsAddresses ? wait(address, FAILURES_PER_ADDRESS, now) : Duration.ZERO;
        return byLogin.compareTo(byAddress) >= 0 ? byLogin : byAddress;
    }

    public synchronized void failed(String login, String address) {
        Instant now = clock.instant();
        record(loginKey(login, address), now);
        if (limitsAddresses) {
            record(address, now);
        }
    }

    /** A login that succeeded starts afresh; its address keeps what others failed from it. */
    public synchronized void succeeded(String login, String address) {
        failures.remove(loginKey(login, address));
    }

    private static String loginKey(String login, String address) {
        return (login.length() > LONGEST_LOGIN ? login.substring(0, LONGEST_LOGIN) : login) + "@" + address;
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
