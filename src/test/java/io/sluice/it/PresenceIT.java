package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence over real STOMP (ADR 0008): a buddy who comes online is announced, and one whose client
 * dies without a word is announced gone within two of the heart-beat intervals it promised.
 */
@ExtendWith(SharedSites.class)
class PresenceIT {


    @Test
    void aBuddyWhoseClientDiesSilentlyIsAnnouncedGoneWithinTwoHeartbeatIntervals(SluiceSites sites) throws Exception {
        try (StompClient alice = StompClient.tcp("127.0.0.1", sites.stompPort);
             StompClient carol = StompClient.tcp("127.0.0.1", sites.stompPort)) {
            alice.connect("alice", "alice-pw");
            alice.subscribe("/topic/sluice.presence.alice", StompClient.AckMode.AUTO);
            alice.send("/queue/sluice.buddies", Map.of("action", "add", "buddy", "carol"), "");
            awaitPresence(alice, "carol", "offline", Duration.ofSeconds(30));

            carol.connect("carol", "carol-pw");
            carol.subscribe("/queue/sluice.inbox.carol", StompClient.AckMode.AUTO);
            awaitPresence(alice, "carol", "online", Duration.ofSeconds(30));

            carol.stopHeartbeats();
            long silentSince = System.nanoTime();
            Duration bound = StompClient.HEARTBEAT.multipliedBy(2); // the promise
            awaitPresence(alice, "carol", "offline", bound);
            System.out.printf("a silent client was announced gone after %d ms (heart-beat %d ms)%n",
                    (System.nanoTime() - silentSince) / 1_000_000, StompClient.HEARTBEAT.toMillis());
        }
    }

    private static void awaitPresence(StompClient feed, String user, String presence, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StompFrame> frame = feed.nextMessage(Duration.ofNanos(deadline - System.nanoTime()));
            if (frame.isPresent() && "presence".equals(frame.get().header("type")) && user.equals(frame.get().header("user"))
                    && presence.equals(frame.get().header("presence"))) {
                return;
            }
        }
        throw new AssertionError(user + " was not announced " + presence + " within " + within);
    }
}
