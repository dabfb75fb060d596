package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.event.RiskEvent;

/** An item on the pipeline's queues, carrying its arrival time so that latency to storage can be measured. */
record Pending(RiskEvent event, Assessment assessment, long arrivalNanos) {

    /** Tells a worker or the writer that no more items will come. */
    static final Pending END = new Pending(null, null, 0);

    Pending scored(Assessment a) {
        return new Pending(event, a, arrivalNanos);
    }
}
