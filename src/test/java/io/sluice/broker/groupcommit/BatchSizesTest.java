package io.sluice.broker.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchSizesTest {

    @Test
    void batchesTakeTheMaximumUntilOneFails() {
        BatchSizes sizes = new BatchSizes(64);
        assertThat(sizes.next()).isEqualTo(64);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(64);
    }

    @Test
    void afterAFailureTheMessagesBeforeItGoTogetherThenItAloneThenTheMaximumAgain() {
        BatchSizes sizes = new BatchSizes(64);
        sizes.failedAt(7);
        assertThat(sizes.next()).isEqualTo(6);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(1);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(64);
    }

    @Test
    void aFirstMessageThatFailsGoesAloneForAsLongAsItFails() {
        BatchSizes sizes = new BatchSizes(64);
        sizes.failedAt(1);
        assertThat(sizes.next()).isEqualTo(1);
        sizes.failedAt(1);
        assertThat(sizes.next()).isEqualTo(1);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(64);
    }

    @Test
    void aFailureInTheShortenedBatchPlansAgainFromThere() {
        BatchSizes sizes = new BatchSizes(64);
        sizes.failedAt(10);
        assertThat(sizes.next()).isEqualTo(9);
        sizes.failedAt(3);
        assertThat(sizes.next()).isEqualTo(2);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(1);
    }

    @Test
    void aCommitThatFailedOnceChangesNoPlan() {
        BatchSizes sizes = new BatchSizes(64);
        sizes.failedAt(5);
        sizes.commitFailed();
        assertThat(sizes.next()).isEqualTo(4);
    }

    @Test
    void commitsThatFailAgainAndAgainLeaveOneMessageABatchUntilOneCommits() {
        BatchSizes sizes = new BatchSizes(64);
        for (int i = 1; i < BatchSizes.COMMIT_FAILURES_BEFORE_ONE_AT_A_TIME; i++) {
            sizes.commitFailed();
            assertThat(sizes.next()).isEqualTo(64);
        }
        sizes.commitFailed();
        assertThat(sizes.next()).isEqualTo(1);
        sizes.commitFailed();
        assertThat(sizes.next()).isEqualTo(1);
        sizes.committed();
        assertThat(sizes.next()).isEqualTo(64);
    }

    @Test
    void aBatchHoldsAtLeastOneMessage() {
        assertThatThrownBy(() -> new BatchSizes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
