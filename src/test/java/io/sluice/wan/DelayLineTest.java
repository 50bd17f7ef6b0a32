package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class DelayLineTest {

    private static final Duration NOTHING_HAPPENS = Duration.ofMillis(200);

    @Test
    void dueChunksComeOutFirstInFirstOut() throws InterruptedException {
        DelayLine line = new DelayLine(1_000);
        long past = System.nanoTime() - 1;
        Chunk first = Chunk.data(new byte[] {1}, past, 0);
        Chunk second = Chunk.data(new byte[] {2}, past, 0);
        line.put(first);
        line.put(second);

        assertThat(line.takeDue()).isSameAs(first);
        assertThat(line.takeDue()).isSameAs(second);
    }

    @Test
    void aChunkIsHeldUntilItsReleaseTime() throws InterruptedException {
        DelayLine line = new DelayLine(1_000);
        long start = System.nanoTime();
        line.put(Chunk.data(new byte[] {1}, start + Duration.ofMillis(50).toNanos(), 0));

        line.takeDue();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aFullLineHoldsTheSenderBackUntilSpaceFrees() throws InterruptedException {
        DelayLine line = new DelayLine(10);
        line.put(Chunk.data(new byte[8], System.nanoTime(), 0));

        CompletableFuture<Void> secondPut = CompletableFuture.runAsync(() -> {
            try {
                line.put(Chunk.data(new byte[5], System.nanoTime(), 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().during(NOTHING_HAPPENS).atMost(NOTHING_HAPPENS.multipliedBy(3)).until(() -> !secondPut.isDone());
        line.takeDue();
        await().atMost(Duration.ofSeconds(5)).until(secondPut::isDone);
    }

    @Test
    void aChunkBiggerThanTheCapacityStillFitsAnEmptyLine() throws InterruptedException {
        DelayLine line = new DelayLine(10);

        line.put(Chunk.data(new byte[100], System.nanoTime(), 0));

        assertThat(line.takeDue().length()).isEqualTo(100);
    }

    @Test
    void clearDropsEverythingInFlight() throws InterruptedException {
        DelayLine line = new DelayLine(1_000);
        long later = System.nanoTime() + Duration.ofHours(1).toNanos();
        line.put(Chunk.data(new byte[3], later, 0));
        line.put(Chunk.endOfStream(later, 0));

        assertThat(line.clear()).hasSize(2);
        assertThat(line.clear()).isEmpty();
    }
}
