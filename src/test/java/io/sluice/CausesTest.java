package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void theFirstOfTheTypeIsFoundUnderAnyNumberOfWrappers() {
        IOException refused = new IOException("refused");
        RuntimeException wrapped = new IllegalStateException("route failed", new UncheckedIOException("send failed", refused));

        assertThat(Causes.find(wrapped, IOException.class)).containsSame(refused);
        assertThat(Causes.find(wrapped, RuntimeException.class)).containsSame(wrapped);
        assertThat(Causes.find(wrapped, InterruptedException.class)).isEmpty();
        assertThat(Causes.root(wrapped)).isSameAs(refused);
        assertThat(Causes.root(refused)).isSameAs(refused);
    }

    @Test
    void aChainThatLoopsBackOnItselfEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second); // Throwable refuses only itself as its cause

        assertThat(Causes.find(first, IOException.class)).isEmpty();
        assertThat(Causes.root(first)).isIn(first, second);
    }
}
