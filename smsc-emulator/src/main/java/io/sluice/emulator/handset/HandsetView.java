package io.sluice.emulator.handset;

import java.util.List;

/**
 * One handset as {@code GET /api/handsets/{number}} shows it, oldest messages first.
 *
 * @param messages the inbox: mobile-terminated messages the phone received
 * @param outbox mobile-originated messages the phone sent
 */
public record HandsetView(String number, long received, long sent, List<ReceivedMessage> messages,
        List<SentMessage> outbox) {

    /** A phone that has not sent or received anything yet. */
    public static HandsetView empty(String number) {
        return new HandsetView(number, 0, 0, List.of(), List.of());
    }
}
