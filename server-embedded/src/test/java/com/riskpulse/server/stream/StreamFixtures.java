package com.riskpulse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.alert.Alert;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.stream.PipelineStats;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One-line builders for the hub's tests. */
final class StreamFixtures {

    static final Actor VIEWER = new Actor(7, "vera", Role.VIEWER, Origin.API);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final PipelineStats PIPELINE = new PipelineStats(100, 2, 1, 97, 95, 0, 0, 3, 2, 40, 0, 1500, 9000, 20000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private StreamFixtures() {
    }

    /** Settings small enough for tests: a buffer of {@code capacity}, stuck after {@code stuck}. */
    static StreamSettings settings(int capacity, Duration stuck) {
        return new StreamSettings(capacity, stuck, Duration.ofSeconds(1), 10);
    }

    /** A hub with the default floor 0.3 and fixed pipeline stats, not started. */
    static RiskStreamHub hub(StreamSettings settings) {
        return new RiskStreamHub(settings, () -> 0.3, () -> PIPELINE);
    }

    static Assessment assessment(String entityId, double score, RiskLevel level) {
        long id = IDS.incrementAndGet();
        RiskEvent event = RiskEvent.builder("e-" + id, entityId, T0.plusSeconds(id), EventType.PAYMENT).amount(120.5).build();
        return new Assessment(id, event, score, level, FeatureVector.wrap(new double[Feature.count()]),
                List.of(new Contribution("rule:new_device_foreign_country", 1, 2.1), new Contribution("amount_z", 4.2, 1.3)),
                List.of("new_device_foreign_country"), 3, "logistic-v1", T0.plusSeconds(id).plusMillis(5), false);
    }

    static Alert alert(long id, String entityId, AlertStatus status, RiskLevel severity) {
        return new Alert(id, entityId, "high-risk", status, severity, T0, T0.plusSeconds(30), 2, 0.91, 11, 12, null, null,
                null, null, null, null, null, T0.plusSeconds(31), 1);
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
