package io.sluice.standby;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.sluice.DaemonTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this core serves (active) or only receives the primary's mirror (passive), and the one-way
 * switch from passive to active: by itself under the {@link TakeoverRule}, or by hand (ADR 0014). A
 * core that is not a standby is active from the start.
 */
public final class StandbyCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyCore.class);

    public enum State { PASSIVE, ACTIVE }

    /** The steps that turn a passive standby into the core (broker, rings, routes). */
    @FunctionalInterface
    public interface Activation {
        void run() throws Exception;
    }

    /** What the standby knows about its takeover, for the REST view and the tests' figures. */
    public record Status(State state, boolean standby, boolean primarySeen, boolean primaryConnected,
                         Instant primaryGoneAt, Instant activatedAt, String activatedBy) {
    }

    private final boolean standby;
    private final TakeoverRule rule;
    private final Clock clock;
    private volatile State state;
    private volatile boolean primaryConnected;
    private volatile Instant primaryGoneAt;
    private volatile Instant activatedAt;
    private volatile String activatedBy;
    /** Set as a takeover begins, before its first step: from then on the primary's mirror may not log in. */
    private volatile boolean takingOver;
    private BooleanSupplier primaryProbe;
    private Activation activation;
    private ScheduledExecutorService watcher;

    public StandbyCore(boolean standby, TakeoverRule rule, Clock clock) {
        this.standby = standby;
        this.rule = rule;
        this.clock = clock;
        this.state = standby ? State.PASSIVE : State.ACTIVE;
    }

    public boolean isPassive() {
        return state == State.PASSIVE;
    }

    /**
     * Whether the primary's mirror may log in: while passive, and not once a takeover has begun. The
     * takeover clears the broker's cached logins in its first step and serves clients before it ends;
     * a mirror login accepted in between would stay cached for minutes (ADR 0034).
     */
    public boolean acceptsMirror() {
        return isPassive() && !takingOver;
    }

    /**
     * Starts watching the primary (a standby only): checks every {@code checkEvery} and activates when
     * the rule says so. {@code activation} is also what a manual trigger runs.
     */
    public synchronized void watch(BooleanSupplier primaryConnected, Activation activation, Duration checkEvery) {
        this.primaryProbe = primaryConnected;
        this.activation = activation;
        if (!isPassive()) {
            return;
        }
        watcher = DaemonTimer.named("standby-watcher");
        watcher.scheduleWithFixedDelay(this::checkQuietly, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (Exception e) {
            LOG.error("The standby could not take over; trying again", e);
        }
    }

    /** One observation of the primary; activates when it has been gone long enough. */
    synchronized void check() throws Exception {
        if (!isPassive()) {
            return;
        }
        boolean connected = primaryProbe.getAsBoolean();
        boolean takeOver = rule.observe(connected, clock.instant());
        if (connected != primaryConnected) {
            LOG.info(connected ? "The primary's mirror is connected" : "The primary's mirror is gone");
        }
        primaryConnected = connected;
        primaryGoneAt = rule.absentSince();
        if (takeOver) {
            activate("the primary's mirror has been gone since " + primaryGoneAt);
        }
    }

    /**
     * Makes this standby the core, once; later calls do nothing.
     *
     * @return whether this call activated it
     * @throws IllegalStateException before the site has started (nothing to activate yet)
     */
    public synchronized boolean activate(String why) throws Exception {
        if (!isPassive()) {
            return false;
        }
        if (activation == null) {
            throw new IllegalStateException("The standby is still starting; activate it once it has started");
        }
        LOG.warn("Taking over as the core: {}", why);
        takingOver = true;
        activation.run();
        state = State.ACTIVE;
        activatedAt = clock.instant();
        activatedBy = why;
        if (watcher != null) {
            watcher.shutdown();
        }
        LOG.warn("This standby is now the active core");
        return true;
    }

    public Status status() {
        return new Status(state, standby, rule.primarySeen(), primaryConnected, primaryGoneAt, activatedAt, activatedBy);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
