package io.sluice.emulator.smpp;

import io.sluice.emulator.traffic.SessionStats;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.session.connection.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC end of SMPP 3.4 over TCP/IP: accepts ESME connections on its own thread and
 * gives each one an {@link EsmeSession}, bound on a thread of its own.
 */
public final class SmppServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppServer.class);
    private static final String SESSION_ID_PREFIX = "esme-";

    private final SmscServices services;
    private final Accounts accounts;
    private final Map<String, EsmeSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final ExecutorService binders = Executors.newCachedThreadPool(task -> daemon(task, "smpp-bind"));
    private volatile SmppServerSocket listening;
    private volatile boolean closing;

    public SmppServer(SmscServices services) {
        this.services = services;
        this.accounts = new Accounts(services.properties().accounts());
    }

    public void start() throws IOException {
        listening = new SmppServerSocket.Factory().listen(services.properties().smppPort());
        daemon(this::acceptLoop, "smpp-accept").start();
        log.info("SMSC emulator listening for SMPP 3.4 on port {}", listening.localPort());
    }

    /** The port ESMEs connect to (the one picked when configured as 0). */
    public int port() {
        return listening.localPort();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                Connection connection = listening.accept();
                String id = SESSION_ID_PREFIX + sessionNumbers.incrementAndGet();
                EsmeSession session = new EsmeSession(id, connection, services, closed -> sessions.remove(closed.id()));
                sessions.put(id, session);
                binders.execute(() -> session.awaitBind(accounts));
            } catch (IOException e) {
                if (!closing) {
                    log.warn("Accepting an SMPP connection failed: {}", e.getMessage());
                }
            }
        }
    }

    public List<SessionStats> sessionStats() {
        return sessions.values().stream().map(EsmeSession::stats)
                .sorted(Comparator.comparingInt(stats -> Integer.parseInt(stats.id().substring(SESSION_ID_PREFIX.length()))))
                .toList();
    }

    /** The sessions bound now stop answering enquire_link (and only that); later binds are normal. */
    public int ignoreEnquireLinks() {
        List<EsmeSession> current = List.copyOf(sessions.values());
        current.forEach(EsmeSession::ignoreEnquireLinks);
        return current.size();
    }

    public void resetCounters() {
        sessions.values().forEach(EsmeSession::resetCounters);
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (IOException e) {
            log.debug("Closing the SMPP listener: {}", e.getMessage());
        }
        List.copyOf(sessions.values()).forEach(EsmeSession::close);
        binders.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
