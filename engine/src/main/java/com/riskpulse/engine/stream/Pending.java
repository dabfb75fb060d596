package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.event.RiskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An item on the pipeline's queues, carrying its arrival time so that latency to storage can be measured,
 * and, for sources that must know when an event is safe (Kafka commits an offset only then), a callback
 * run once its fate is final: stored, or dropped as a duplicate. Null for ordinary submits, so the hot
 * path pays one null check.
 */
record Pending(RiskEvent event, Assessment assessment, long arrivalNanos, Runnable whenDone) {

    private static final Logger log = LoggerFactory.getLogger(Pending.class);

    /** Tells a worker or the writer that no more items will come. */
    static final Pending END = new Pending(null, null, 0, null);

    Pending scored(Assessment a) {
        return new Pending(event, a, arrivalNanos, whenDone);
    }

    /** Runs the callback, if any; a failing one is logged, never allowed to stop a worker or the writer. */
    void done() {
        if (whenDone != null) run(whenDone);
    }

    static void run(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.error("a completion callback failed", e);
        }
    }
}
