package com.riskpulse.engine.kafka;

import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The offsets of one assigned Kafka partition that were handed to the pipeline and are not finished yet.
 * One partition's records go to several pipeline partitions, so they finish on other threads and out of
 * order; the committable offset is the lowest unfinished one, never beyond it.
 *
 * <p>{@link #emitting} and {@link #committable} run on the consumer thread only; {@link #done} on any.
 */
final class PartitionOffsets {

    private final ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();
    /** one past the highest offset handed on; -1 until the first */
    private volatile long next = -1;
    /** the offset last committed, or -1 */
    long committed = -1;

    /** Call before handing the record to the pipeline, so that its completion always finds it here. */
    void emitting(long offset) {
        outstanding.add(offset);
        next = offset + 1;
    }

    /** The record at {@code offset} is stored, a duplicate, or a dead letter. */
    void done(long offset) {
        outstanding.remove(offset);
    }

    /** The offset to commit (the next record to read after a restart), or -1 when nothing was handed on. */
    long committable() {
        Long lowest = outstanding.ceiling(Long.MIN_VALUE);
        return lowest != null ? lowest : next;
    }

    int outstanding() {
        return outstanding.size();
    }
}
