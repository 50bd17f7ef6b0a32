package io.sluice.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SenderRateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SenderRateLimit limit = new SenderRateLimit(2, 5, nanos::get);

    @Test
    void aBurstPassesThenTheRateAppliesPerUser() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire("mallory")).as("message %d of the burst", i).isTrue();
        }
        assertThat(limit.tryAcquire("mallory")).as("over the burst").isFalse();
        assertThat(limit.tryAcquire("alice")).as("another user has a bucket of her own").isTrue();

        nanos.addAndGet(500_000_000L); // half a second at 2 per second: one token
        assertThat(limit.tryAcquire("mallory")).isTrue();
        assertThat(limit.tryAcquire("mallory")).isFalse();
    }

    @Test
    void aRefusedAttemptCostsNothingAndAPauseRefillsUpToTheBurstOnly() {
        for (int i = 0; i < 5; i++) {
            limit.tryAcquire("mallory");
        }
        for (int i = 0; i < 100; i++) {
            assertThat(limit.tryAcquire("mallory")).isFalse();
        }
        nanos.addAndGet(3_600_000_000_000L); // an hour
        int passed = 0;
        while (limit.tryAcquire("mallory")) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void aTokenGivenBackServesOneMoreMessageAndNeverRaisesTheBucketAboveTheBurst() {
        for (int i = 0; i < 5; i++) {
            limit.tryAcquire("mallory");
        }
        limit.giveBack("mallory");
        assertThat(limit.tryAcquire("mallory")).as("the token given back").isTrue();
        assertThat(limit.tryAcquire("mallory")).isFalse();

        limit.giveBack("alice"); // no bucket yet: nothing to give back to
        limit.tryAcquire("alice");
        limit.giveBack("alice");
        limit.giveBack("alice");
        int passed = 0;
        while (limit.tryAcquire("alice")) {
            passed++;
        }
        assertThat(passed).as("a full bucket stays at the burst").isEqualTo(5);
    }

    @Test
    void noneNeverRefuses() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(SenderRateLimit.NONE.tryAcquire("anyone")).isTrue();
        }
    }
}
