package io.sluice.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports nobody listens on right now, for sites started by tests (never the defaults).
 *
 * <p>Taken below Linux's ephemeral range (32768-60999 by default), not from it: a port the kernel
 * handed out (port 0) is also what it hands to outgoing connections, so a site killed and restarted
 * on "its" port found it taken by some client socket on a busy machine (RingIT's wiped edge, once).
 * The start is random so that test JVMs running side by side rarely walk the same ports.
 */
final class FreePorts {

    private static final int FIRST = 20000;
    private static final int LAST = 32000;
    private static final AtomicInteger CURSOR =
            new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST));

    private FreePorts() {
    }

    static int next() {
        for (int attempt = 0; attempt < LAST - FIRST; attempt++) {
            int port = FIRST + Math.floorMod(CURSOR.getAndIncrement() - FIRST, LAST - FIRST);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // someone listens there: the next one
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }
}
