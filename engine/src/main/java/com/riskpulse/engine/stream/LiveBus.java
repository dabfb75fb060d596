package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fans every assessment out to the live listeners (WebSocket hub, console, alert policy). Listeners
 * are called on the worker threads and must not block; one that throws is logged and counted, and the
 * others and the pipeline go on.
 */
final class LiveBus {

    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

    private final CopyOnWriteArrayList<AssessmentListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder failures = new LongAdder();

    AutoCloseable subscribe(AssessmentListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Assessment assessment) {
        for (AssessmentListener listener : listeners) {
            try {
                listener.onAssessment(assessment);
            } catch (RuntimeException e) {
                failures.increment();
                if (failures.sum() <= 10 || failures.sum() % 10_000 == 0) {
                    log.warn("live listener {} failed on assessment {} ({} failures so far)", listener, assessment.id(), failures.sum(), e);
                }
            }
        }
    }

    long failures() {
        return failures.sum();
    }

    int size() {
        return listeners.size();
    }
}
