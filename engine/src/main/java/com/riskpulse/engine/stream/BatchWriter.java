package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Assessments;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes assessments to storage in batches: one database round trip per batch, not per event. Runs on
 * one or more threads sharing one bounded queue (several connections keep a server database busy while
 * one of them waits on its commit). A failed batch is retried with backoff and never dropped; while it
 * fails, the queue fills and the workers, then the sources, wait. Stopped by one {@link Pending#END} per
 * thread.
 */
final class BatchWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final BlockingQueue<Pending> queue;
    private final Assessments storage;
    private final int batchSize;
    private final long flushNanos;
    /** arrival at the pipeline to stored, in microseconds; Recorder takes values from several threads */
    private final Recorder latency = new Recorder(3);
    final LongAdder stored = new LongAdder();
    final LongAdder storeDuplicates = new LongAdder();
    final LongAdder failures = new LongAdder();
    private volatile long lastStoredNanos = System.nanoTime();

    BatchWriter(Assessments storage, int capacity, int batchSize, Duration flushInterval) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.storage = storage;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
    }

    void put(Pending p) throws InterruptedException {
        queue.put(p);
    }

    int depth() {
        return queue.size();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        boolean ending = false;
        try {
            while (!ending) {
                Pending first = queue.poll(flushNanos, TimeUnit.NANOSECONDS);
                if (first == null) continue;
                batch.add(first);
                long deadline = System.nanoTime() + flushNanos;
                // fill the batch, but never hold the first one longer than the flush interval
                while (batch.size() < batchSize) {
                    if (queue.drainTo(batch, batchSize - batch.size()) == 0) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) break;
                        Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) break;
                        batch.add(next);
                    }
                }
                int ends = 0;
                while (!batch.isEmpty() && batch.getLast() == Pending.END) { // ENDs come last: after every assessment
                    batch.removeLast();
                    ends++;
                }
                if (ends > 0) {
                    ending = true;
                    for (int i = 1; i < ends; i++) queue.put(Pending.END); // the other threads' ENDs: hand them back
                }
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("batch writer interrupted with {} assessments unwritten", batch.size() + queue.size());
        }
    }

    private void write(List<Pending> batch) throws InterruptedException {
        if (batch.isEmpty()) return;
        List<Assessment> assessments = new ArrayList<>(batch.size());
        for (Pending p : batch) assessments.add(p.assessment());
        long backoff = 50;
        while (true) {
            try {
                Assessments.StoreOutcome outcome = storage.storeAll(assessments);
                stored.add(outcome.stored());
                storeDuplicates.add(outcome.duplicates());
                break;
            } catch (RuntimeException e) {
                failures.increment();
                log.error("storing a batch of {} assessments failed; retrying in {} ms", assessments.size(), backoff, e);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        long now = System.nanoTime();
        lastStoredNanos = now;
        for (Pending p : batch) {
            latency.recordValue(Math.max(0, (now - p.arrivalNanos()) / 1_000));
            p.done(); // stored (or already there): only now may a source forget it, e.g. commit its Kafka offset
        }
    }

    /** Latencies recorded since the previous call (microseconds). */
    Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }

    long nanosSinceLastStore() {
        return System.nanoTime() - lastStoredNanos;
    }
}
