package io.sluice.emulator.outbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Mailbox} per ESME account (system_id), created on first use. */
public final class Mailboxes {

    private final Map<String, Mailbox> bySystemId = new ConcurrentHashMap<>();

    public Mailbox of(String systemId) {
        return bySystemId.computeIfAbsent(systemId, id -> new Mailbox());
    }
}
