package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.RiskScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scores the events of one partition on one thread. Each entity is routed to exactly one worker, so
 * its feature state has a single writer and needs no locks. Handing the assessment to the batch writer
 * blocks when storage is behind: that is where backpressure starts.
 */
final class PartitionWorker implements Runnable {

    private static final int DRAIN_BATCH = 256;

    final BlockingQueue<Pending> queue;
    private final RiskScorer scorer;
    private final BatchWriter writer;
    private final LiveBus live;
    final LongAdder scored = new LongAdder();
    final LongAdder duplicates = new LongAdder();

    PartitionWorker(int capacity, RiskScorer scorer, BatchWriter writer, LiveBus live) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.scorer = scorer;
        this.writer = writer;
        this.live = live;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(DRAIN_BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, DRAIN_BATCH - 1); // one lock round trip for many events
                for (Pending p : batch) {
                    if (p == Pending.END) return;
                    process(p);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Pending p) throws InterruptedException {
        Assessment a = scorer.score(p.event());
        if (a == null) {
            duplicates.increment();
            p.done(); // seen before: its first delivery decides, this one is finished
            return;
        }
        scored.increment();
        writer.put(p.scored(a));
        live.publish(a);
    }

    int entityCount() {
        return scorer.entityCount();
    }

    RiskScorer scorer() {
        return scorer;
    }
}
