package io.sluice.emulator.handset;

import java.util.List;

/** One handset as {@code GET /api/handsets/{number}} shows it, oldest messages first. */
public record HandsetView(String number, long received, long sent, List<ReceivedMessage> inbox,
        List<SentMessage> outbox) {
}
