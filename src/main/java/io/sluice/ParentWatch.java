package io.sluice;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends this process when the process that started it ends ({@code sluice.parent-pid}). The demo and
 * the integration tests start each site as a child; if they are killed, their children must not
 * linger holding ports and data directories. Exits through the normal shutdown hooks.
 */
@Component
class ParentWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);

    private final Optional<Long> parentPid;
    private volatile boolean running;

    ParentWatch(@Value("${sluice.parent-pid:#{null}}") Long parentPid) {
        this.parentPid = Optional.ofNullable(parentPid);
    }

    @Override
    public void start() {
        parentPid.flatMap(ProcessHandle::of).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    LOG.warn("Parent process {} has ended; stopping", parent.pid());
                    System.exit(0);
                }),
                () -> parentPid.ifPresent(pid -> {
                    LOG.warn("Parent process {} is already gone; stopping", pid);
                    System.exit(0);
                }));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
