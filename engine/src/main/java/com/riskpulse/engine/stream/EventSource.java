package com.riskpulse.engine.stream;

/**
 * A producer of events for the pipeline: the simulator, a file replay, REST ingest, Kafka.
 *
 * <p>{@link #run} is called on a thread the pipeline owns and pushes events through the
 * {@link SourceContext} until the source is exhausted or {@link SourceContext#running()} turns false.
 * Emitting blocks while the pipeline is full: that is the backpressure, and sources must not buffer
 * around it.
 */
public interface EventSource {

    /** A short name for logs, metrics and dead letters, e.g. {@code simulator} or {@code replay:day1.ndjson}. */
    String name();

    /** Produces events until exhausted or stopped. Returning normally means "no more events". */
    void run(SourceContext context) throws Exception;
}
