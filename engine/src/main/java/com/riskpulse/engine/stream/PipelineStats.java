package com.riskpulse.engine.stream;

/**
 * A snapshot of the pipeline's counters, for health, metrics and benchmarks.
 *
 * @param received          events accepted into the pipeline
 * @param rejected          inputs turned into dead letters
 * @param duplicates        re-delivered events recognised and not scored again
 * @param scored            assessments produced
 * @param stored            assessments newly written to storage
 * @param storeDuplicates   assessments storage already had (same event id)
 * @param storeFailures     failed batch writes (each was retried)
 * @param partitionQueued   events waiting in the partition queues
 * @param storeQueued       assessments waiting for the batch writer
 * @param entities          entities with feature state
 * @param listenerFailures  exceptions thrown by live listeners
 * @param latencyP50Micros  arrival to stored, median, over the whole run so far
 * @param latencyP99Micros  arrival to stored, 99th percentile, over the whole run so far
 * @param latencyMaxMicros  arrival to stored, maximum
 */
public record PipelineStats(long received, long rejected, long duplicates, long scored, long stored, long storeDuplicates,
                            long storeFailures, int partitionQueued, int storeQueued, int entities, long listenerFailures,
                            long latencyP50Micros, long latencyP99Micros, long latencyMaxMicros) {

    /** Events accepted but not yet stored (or recognised as duplicates): zero once the pipeline is drained. */
    public long inFlight() {
        return received - duplicates - stored - storeDuplicates;
    }
}
