package com.riskpulse.desktop.fx;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FrameBatcherTest {

    @Test
    void itemsQueuedBetweenTwoFramesArriveAsOneBatchInOrder() {
        List<List<Integer>> batches = new ArrayList<>();
        FrameBatcher<Integer> batcher = new FrameBatcher<>(100, batches::add);
        IntStream.range(0, 10).forEach(batcher::offer);
        batcher.flush();
        batcher.flush();
        assertThat(batches).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void aUiFallingBehindKeepsTheNewestItemsAndCountsTheDroppedOnes() {
        List<Integer> seen = new ArrayList<>();
        FrameBatcher<Integer> batcher = new FrameBatcher<>(5, seen::addAll);
        IntStream.range(0, 12).forEach(batcher::offer);
        batcher.flush();
        assertThat(seen).containsExactly(7, 8, 9, 10, 11);
        assertThat(batcher.dropped()).isEqualTo(7);
    }

    @Test
    void itemsOfferedFromManyThreadsAreAllDelivered() throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        FrameBatcher<Integer> batcher = new FrameBatcher<>(1_000_000, seen::addAll);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int base = t * 10_000;
            threads[t] = Thread.ofPlatform().start(() -> IntStream.range(base, base + 10_000).forEach(batcher::offer));
        }
        for (Thread thread : threads) thread.join();
        batcher.flush();
        assertThat(seen).hasSize(40_000).doesNotHaveDuplicates();
    }
}
