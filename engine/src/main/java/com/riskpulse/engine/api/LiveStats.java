package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The pipeline's pulse, published about once a second ({@code data} of a {@code /ws/risk-stream} "stats" message, and
 * the console's status bar in either mode).
 *
 * @param eventsPerSecond assessments scored per second over the last interval
 * @param latencyP50Ms    event received → assessment published, median of the recent window, in milliseconds
 * @param byLevel         assessments seen since the publisher started, by level (lower-case names)
 * @param clear           the part of {@code low} under the live-feed floor: counted, not pushed one by one by default
 * @param clients         live clients connected (0 in the embedded console)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LiveStats(double eventsPerSecond, long received, long scored, long stored, long rejected, long partitionQueued,
                        long storeQueued, long inFlight, double latencyP50Ms, double latencyP99Ms, double latencyMaxMs,
                        Map<String, Long> byLevel, long clear, int clients) {
}
