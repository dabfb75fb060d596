package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.Assessment;

/**
 * Receives every assessment right after scoring, on the partition worker's thread. Implementations
 * must return quickly and never block (hand off to their own bounded buffer): a slow listener would
 * stall scoring for a whole partition. Exceptions are caught, counted and logged by the pipeline.
 */
@FunctionalInterface
public interface AssessmentListener {

    void onAssessment(Assessment assessment);
}
