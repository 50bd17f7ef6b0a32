package io.sluice.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.sluice.ring.Direction;
import io.sluice.ring.Payload;
import io.sluice.ring.Pointers;
import io.sluice.ring.RingStore;
import io.sluice.ring.Slot;
import io.sluice.testsupport.InVmBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The origin's side of re-synchronisation, on a real ring store. */
class ResyncTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static InVmBroker broker;
    private static ActiveMQConnectionFactory connectionFactory;

    @BeforeAll
    static void start() throws Exception {
        broker = new InVmBroker();
        for (String carrier : List.of("a", "b", "c", "d", "e", "f")) {
            broker.withRingStore(Direction.MT, carrier)
                    .withRingStore(Direction.MO, carrier);
        }
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
    }

    @AfterAll
    static void stop() throws Exception {
        connectionFactory.close();
        broker.close();
    }

    private final Resync resync = new Resync(Duration.ofSeconds(10), Clock.systemUTC());
    private final LinkMonitor.LinkState link = new LinkMonitor(Duration.ofSeconds(5), Clock.systemUTC()).state("x");
    private final List<Long> resent = new ArrayList<>();
    private final List<Long> floors = new ArrayList<>();

    @Test
    void afterAnInterruptionTheReplayWindowIsSentAgain() throws Exception {
        RingHandle origin = origin("a", 10);
        for (long sequence : new long[] {1, 2, 3, 5}) {
            origin.confirm(sequence);
        }
        resync.onHeartbeat(origin, new Pointers(10, 10, 3, 0), OptionalLong.of(3), true, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(resent).containsExactly(4L, 6L, 7L, 8L, 9L, 10L);
        assertThat(floors).isEmpty();
        assertThat(link.replays()).isEqualTo(1);
    }

    @Test
    void aMirrorThatLostItsStoreIsRebuiltEvenIfNewerMessagesReachedItSince() throws Exception {
        RingHandle origin = origin("b", 10);
        for (long sequence = 1; sequence <= 8; sequence++) {
            origin.confirm(sequence);
        }
        origin.process(1);
        origin.process(2);
        // the wiped mirror has since received 9 and 10 only: its confirmed prefix is 0, and it has heard
        // this end's heart-beat saying 8 were confirmed
        resync.onHeartbeat(origin, new Pointers(10, 10, 0, 0), OptionalLong.of(8), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(floors).containsExactly(2L);
        assertThat(resent).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(link.rebuilds()).isEqualTo(1);
    }

    @Test
    void aHealthyMirrorIsLeftAloneWhenNothingWasInterrupted() throws Exception {
        RingHandle origin = origin("c", 5);
        origin.confirm(1);
        resync.onHeartbeat(origin, new Pointers(5, 5, 5, 1), OptionalLong.of(1), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(resent).isEmpty();
        assertThat(floors).isEmpty();
    }

    @Test
    void aHeartBeatOlderThanTheMirrorsLatestConfirmationIsNoSignOfALostStore() throws Exception {
        RingHandle origin = origin("e", 5);
        for (long sequence = 1; sequence <= 5; sequence++) {
            origin.confirm(sequence);
        }
        // read when 4 were confirmed there (and it had heard this end say 4); the report of 5 came first
        resync.onHeartbeat(origin, new Pointers(5, 5, 4, 0), OptionalLong.of(4), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(floors).isEmpty();
        assertThat(resent).isEmpty();
        assertThat(link.rebuilds()).isZero();
    }

    @Test
    void aWipedMirrorIsRebuiltOnceItHasHeardThisEnd() throws Exception {
        RingHandle origin = origin("f", 8);
        for (long sequence = 1; sequence <= 8; sequence++) {
            origin.confirm(sequence);
        }
        resync.onHeartbeat(origin, new Pointers(0, 0, 0, 0), OptionalLong.empty(), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(floors).as("its first heart-beat, before it heard this end, proves nothing").isEmpty();

        resync.onHeartbeat(origin, new Pointers(0, 0, 0, 0), OptionalLong.of(8), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(floors).containsExactly(0L);
        assertThat(resent).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void anOriginThatLostItsStoreContinuesAfterTheMirrorsPosition() {
        RingHandle origin = SiteLink.rings(connectionFactory, Map.of("d", 8)).get(Direction.MT, "d");
        assertThat(origin.positionKnown()).as("an empty store: position unknown").isFalse();
        resync.onHeartbeat(origin, new Pointers(700, 700, 700, 690), OptionalLong.empty(), false, link,
                slot -> resent.add(slot.sequence()), floors::add);
        assertThat(origin.positionKnown()).isTrue();
        assertThat(origin.pointers().lastRetrieved()).isEqualTo(700);
    }

    private static RingHandle origin(String carrier, int sent) throws Exception {
        RingHandle origin = SiteLink.rings(connectionFactory, Map.of(carrier, 16)).get(Direction.MT, carrier);
        origin.markPositionKnown();
        for (int i = 1; i <= sent; i++) {
            Slot slot = origin.retrieve(new Payload("m" + i, "alice", "+447700900001", null, "t" + i), NOW, Duration.ZERO);
            origin.markSent(slot.sequence());
        }
        return origin;
    }
}
