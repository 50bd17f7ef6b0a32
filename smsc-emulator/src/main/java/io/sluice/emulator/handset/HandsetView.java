package io.sluice.emulator.handset;

import java.util.List;

/**
 * One handset as {@code GET /api/handsets/{number}} shows it, oldest messages first.
 *
 * @param received messages the phone has shown (a concatenated message counts once)
 * @param messages the inbox as the phone shows it: a concatenated message once all its parts arrived
 * @param parts every submit as it arrived, a concatenated message's parts one by one
 * @param outbox mobile-originated messages the phone sent
 */
public record HandsetView(String number, long received, long sent, List<ReceivedMessage> messages,
        List<ReceivedMessage> parts, List<SentMessage> outbox) {

    /** A phone that has not sent or received anything yet. */
    public static HandsetView empty(String number) {
        return new HandsetView(number, 0, 0, List.of(), List.of(), List.of());
    }
}
