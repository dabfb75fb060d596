package com.riskpulse.engine.stream;

import com.riskpulse.engine.storage.Dialect;

import java.time.Duration;

/**
 * Sizes of the pipeline. Every queue is bounded: when storage falls behind, the queues fill and the
 * sources block — backpressure instead of unbounded memory.
 *
 * @param partitions             partition workers; each entity lives in exactly one
 * @param partitionQueueCapacity events waiting per partition
 * @param storeQueueCapacity     assessments waiting for the batch writer
 * @param storeBatchSize         most assessments written in one batch
 * @param storeFlushInterval     longest an assessment waits for its batch to fill
 * @param storeWriters           threads (and connections) writing batches in parallel
 * @param allowedLateness        how far behind its entity's newest event an event may be and still count in the windows
 */
public record PipelineSettings(int partitions, int partitionQueueCapacity, int storeQueueCapacity, int storeBatchSize,
                               Duration storeFlushInterval, int storeWriters, Duration allowedLateness) {

    public PipelineSettings {
        positive("partitions", partitions);
        positive("partition_queue_capacity", partitionQueueCapacity);
        positive("store_queue_capacity", storeQueueCapacity);
        positive("store_batch_size", storeBatchSize);
        positive("store_writers", storeWriters);
        if (storeFlushInterval == null || storeFlushInterval.isNegative() || storeFlushInterval.isZero()) {
            throw new IllegalArgumentException("store_flush_interval must be positive, got " + storeFlushInterval);
        }
        if (allowedLateness == null || allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed_lateness must not be negative, got " + allowedLateness);
        }
    }

    /**
     * One partition per core (at least two), queues of a few thousand, batches of up to 1,000 lingering at
     * most 5 ms for a batch to fill, two store writers, five minutes of allowed lateness.
     */
    public static PipelineSettings defaults() {
        int partitions = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new PipelineSettings(partitions, 4_096, 16_384, 1_000, Duration.ofMillis(5), 2, Duration.ofMinutes(5));
    }

    /**
     * Defaults tuned to the database: H2 is embedded and writes through one store, where a second writer
     * only adds contention (measured: 27k against 23k assessments/s); PostgreSQL gains from a second
     * connection (measured: 49k against 23k). See docs/benchmarks.md.
     */
    public static PipelineSettings defaultsFor(Dialect dialect) {
        return defaults().withStoreWriters(dialect == Dialect.H2 ? 1 : 2);
    }

    public PipelineSettings withPartitions(int n) {
        return new PipelineSettings(n, partitionQueueCapacity, storeQueueCapacity, storeBatchSize, storeFlushInterval, storeWriters, allowedLateness);
    }

    public PipelineSettings withQueues(int partitionQueue, int storeQueue, int batchSize) {
        return new PipelineSettings(partitions, partitionQueue, storeQueue, batchSize, storeFlushInterval, storeWriters, allowedLateness);
    }

    public PipelineSettings withStoreWriters(int n) {
        return new PipelineSettings(partitions, partitionQueueCapacity, storeQueueCapacity, storeBatchSize, storeFlushInterval, n, allowedLateness);
    }

    private static void positive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
}
