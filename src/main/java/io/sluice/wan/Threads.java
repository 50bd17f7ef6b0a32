package io.sluice.wan;

/** The simulator's threads never keep a JVM alive: tests and roles end them by closing it. */
final class Threads {

    private Threads() {
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
