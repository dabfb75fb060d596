package com.riskpulse.engine.stream;

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
 * @param allowedLateness        how far behind its entity's newest event an event may be and still count in the windows
 */
public record PipelineSettings(int partitions, int partitionQueueCapacity, int storeQueueCapacity, int storeBatchSize,
                               Duration storeFlushInterval, Duration allowedLateness) {

    public PipelineSettings {
        positive("partitions", partitions);
        positive("partition_queue_capacity", partitionQueueCapacity);
        positive("store_queue_capacity", storeQueueCapacity);
        positive("store_batch_size", storeBatchSize);
        if (storeFlushInterval == null || storeFlushInterval.isNegative() || storeFlushInterval.isZero()) {
            throw new IllegalArgumentException("store_flush_interval must be positive, got " + storeFlushInterval);
        }
        if (allowedLateness == null || allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed_lateness must not be negative, got " + allowedLateness);
        }
    }

    /** One partition per core (at least two), queues of a few thousand, batches of up to 1,000, lingering at most 5 ms for a batch to fill. */
    public static PipelineSettings defaults() {
        int partitions = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new PipelineSettings(partitions, 4_096, 16_384, 1_000, Duration.ofMillis(5), Duration.ofMinutes(5));
    }

    public PipelineSettings withPartitions(int n) {
        return new PipelineSettings(n, partitionQueueCapacity, storeQueueCapacity, storeBatchSize, storeFlushInterval, allowedLateness);
    }

    public PipelineSettings withQueues(int partitionQueue, int storeQueue, int batchSize) {
        return new PipelineSettings(partitions, partitionQueue, storeQueue, batchSize, storeFlushInterval, allowedLateness);
    }

    private static void positive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
}
