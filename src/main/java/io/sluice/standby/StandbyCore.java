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

    /**
     * What the standby knows about its takeover, for the REST view, its health and the tests' figures.
     *
     * @param takeoverFailures    takeovers begun and failed since the last one that succeeded (or the start)
     * @param lastTakeoverFailure why the last of them failed; null when none has
     * @param nextTakeoverAttempt when the watcher tries again after a failure; null when none is pending
     */
    public record Status(State state, boolean standby, boolean primarySeen, boolean primaryConnected,
                         Instant primaryGoneAt, Instant activatedAt, String activatedBy, int takeoverFailures,
                         String lastTakeoverFailure, Instant nextTakeoverAttempt) {
    }

    /** A takeover's steps failed; the standby stays passive and the watcher tries again later. */
    public static final class TakeoverFailedException extends Exception {
        TakeoverFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The watcher's first retry after a failed takeover; each further failure doubles it, up to the cap. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

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
    private volatile int takeoverFailures;
    private volatile String lastTakeoverFailure;
    private volatile Instant nextTakeoverAttempt;
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
        } catch (TakeoverFailedException logged) {
            // activate() said what failed and when the next attempt is
        } catch (Exception e) {
            LOG.error("The standby could not watch its primary; trying again", e);
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
        Instant retry = nextTakeoverAttempt;
        if (takeOver && (retry == null || !clock.instant().isBefore(retry))) {
            activate("the primary's mirror has been gone since " + primaryGoneAt);
        }
    }

    /**
     * Makes this standby the core, once; later calls do nothing. A failed takeover leaves it passive
     * (the primary's mirror stays shut out): the watcher tries again after {@link #FIRST_RETRY}, twice as
     * long after each further failure up to {@link #LONGEST_RETRY}, and the health is DOWN meanwhile. A
     * takeover by hand tries at once.
     *
     * @return whether this call activated it
     * @throws IllegalStateException   before the site has started (nothing to activate yet)
     * @throws TakeoverFailedException when a step of the takeover failed
     */
    public synchronized boolean activate(String why) throws TakeoverFailedException {
        if (!isPassive()) {
            return false;
        }
        if (activation == null) {
            throw new IllegalStateException("The standby is still starting; activate it once it has started");
        }
        LOG.warn("Taking over as the core: {}", why);
        takingOver = true;
        try {
            activation.run();
        } catch (Exception failed) {
            throw failedTakeover(failed);
        }
        state = State.ACTIVE;
        activatedAt = clock.instant();
        activatedBy = why;
        takeoverFailures = 0;
        nextTakeoverAttempt = null;
        if (watcher != null) {
            watcher.shutdown();
        }
        LOG.warn("This standby is now the active core");
        return true;
    }

    private TakeoverFailedException failedTakeover(Exception failed) {
        int failures = ++takeoverFailures;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        nextTakeoverAttempt = clock.instant().plus(wait);
        lastTakeoverFailure = String.valueOf(failed.getMessage());
        String message = "The takeover failed (" + failures + (failures == 1 ? " time" : " times") + "): "
                + lastTakeoverFailure + "; this core stays passive and tries again at " + nextTakeoverAttempt;
        if (failures == 1) {
            LOG.error(message, failed);
        } else {
            LOG.error(message);
        }
        return new TakeoverFailedException(message, failed);
    }

    public Status status() {
        return new Status(state, standby, rule.primarySeen(), primaryConnected, primaryGoneAt, activatedAt, activatedBy,
                takeoverFailures, lastTakeoverFailure, nextTakeoverAttempt);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
