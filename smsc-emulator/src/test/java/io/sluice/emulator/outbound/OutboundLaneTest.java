package io.sluice.emulator.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.emulator.handset.SmppAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundLaneTest {

    private static final Duration RETRY = Duration.ofMillis(10);

    private final Mailbox mailbox = new Mailbox();
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private OutboundLane lane;

    @AfterEach
    void stop() {
        if (lane != null) {
            lane.stop();
        }
    }

    @Test
    void deliversOneAtATimeInMailboxOrder() {
        start(message -> attempt(message));
        List.of("a", "b", "c").forEach(id -> mailbox.add(message(id)));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
        assertThat(attempts).containsExactly("a", "b", "c");
        assertThat(events).containsExactly("delivered a", "delivered b", "delivered c");
        assertThat(maxConcurrent).hasValue(1);
    }

    @Test
    void refusedMessageIsRetriedBeforeTheNextOne() {
        AtomicInteger refusals = new AtomicInteger(2);
        start(message -> {
            attempt(message);
            if (refusals.getAndDecrement() > 0) {
                throw DeliveryException.refused("busy", null);
            }
        });
        mailbox.add(message("a"));
        mailbox.add(message("b"));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("delivered b"));
        assertThat(attempts).containsExactly("a", "a", "a", "b");
        assertThat(events).containsExactly("retrying a", "retrying a", "delivered a", "delivered b");
    }

    @Test
    void malformedMessageIsDroppedAndTheNextOneGoes() {
        start(message -> {
            attempt(message);
            if (message.id().equals("bad")) {
                throw DeliveryException.malformed("too long", null);
            }
        });
        mailbox.add(message("bad"));
        mailbox.add(message("good"));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("delivered good"));
        assertThat(events).containsExactly("dropped bad", "delivered good");
    }

    @Test
    void messageInHandGoesBackToTheHeadWhenTheSessionIsGone() {
        start(message -> {
            attempt(message);
            throw new IOException("socket closed");
        });
        mailbox.add(message("a"));
        mailbox.add(message("b"));

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 1 && mailbox.size() == 2);
        assertThat(attempts).containsExactly("a");
        assertThat(events).isEmpty();
    }

    private void start(Deliverer deliverer) {
        lane = new OutboundLane("test", mailbox, deliverer, RETRY, new OutboundEvents() {
            @Override
            public void delivered(OutboundMessage message) {
                events.add("delivered " + message.id());
            }

            @Override
            public void retrying(OutboundMessage message, String reason) {
                events.add("retrying " + message.id());
            }

            @Override
            public void dropped(OutboundMessage message, String reason) {
                events.add("dropped " + message.id());
            }
        });
        lane.start();
    }

    private void attempt(OutboundMessage message) {
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        attempts.add(message.id());
        concurrent.decrementAndGet();
    }

    private static OutboundMessage message(String id) {
        return new OutboundMessage(id, OutboundMessage.Kind.MO, SmppAddress.ofNumber("+447700900123"),
                SmppAddress.ofNumber("7777"), (byte) 0, (byte) 0, id.getBytes(), List.of(), id, "+447700900123");
    }
}
