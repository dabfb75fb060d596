package com.riskpulse.server.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.riskpulse.engine.alert.Alert;
import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.event.RiskEvent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The typed JSON messages of {@code /ws/risk-stream} (snake_case), in one place. See docs in {@link RiskStreamHub}. */
final class StreamMessages {

    /** Enough to see why an event scored as it did; the full list is one REST call away. */
    static final int TOP_CONTRIBUTIONS = 5;

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private final LongAdder assessmentsSerialised = new LongAdder();

    ObjectMapper json() {
        return json;
    }

    long assessmentsSerialised() {
        return assessmentsSerialised.sum();
    }

    String assessment(Assessment a) {
        assessmentsSerialised.increment();
        RiskEvent e = a.event();
        List<ContributionData> top = a.contributions().stream().limit(TOP_CONTRIBUTIONS)
                .map(c -> new ContributionData(c.name(), c.value(), c.contribution())).toList();
        return write(new Typed("assessment", new AssessmentData(a.id(), a.eventId(), a.entityId(), wire(e.type()),
                text(e.timestamp()), text(a.scoredAt()), a.score(), wire(a.level()), e.hasAmount() ? e.amount() : null,
                e.currency(), e.country(), e.merchantId(), a.rulesFired(), top, a.configVersion(), a.modelVersion(), a.late())));
    }

    String alert(AlertChange change) {
        String kind = switch (change) {
            case AlertChange.Raised r -> "raised";
            case AlertChange.Updated u -> "updated";
            case AlertChange.Acknowledged k -> "acknowledged";
            case AlertChange.Assigned s -> "assigned";
            case AlertChange.Resolved r -> "resolved";
        };
        Alert a = change.alert();
        return write(new AlertMessage("alert", kind, new AlertData(a.id(), a.entityId(), a.policy(), wire(a.status()),
                wire(a.severity()), text(a.firstSeen()), text(a.lastSeen()), a.eventCount(), a.highestScore(),
                a.firstAssessmentId(), a.lastAssessmentId(), a.assignee(), a.acknowledgedBy(), text(a.acknowledgedAt()),
                a.resolvedBy(), text(a.resolvedAt()), wire(a.resolution()), a.note(), text(a.createdAt()), a.version())));
    }

    String stats(StatsData data) {
        return write(new Typed("stats", data));
    }

    String dropped(long count) {
        return write(new Dropped("dropped", count));
    }

    String error(String code, String message) {
        return write(new Error("error", code, message));
    }

    String subscribed(Subscription s) {
        return write(new Typed("subscribed", new SubscriptionData(wire(s.minLevel()), s.includeClear(),
                s.entityIds().stream().sorted().toList(), s.types().stream().sorted().map(MessageType::wireName).toList())));
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    record Typed(String type, Object data) {
    }

    record AlertMessage(String type, String change, AlertData data) {
    }

    record Dropped(String type, long count) {
    }

    record Error(String type, String code, String message) {
    }

    record AssessmentData(long riskId, String eventId, String entityId, String eventType, String timestamp, String scoredAt,
                          double score, String level, Double amount, String currency, String country, String merchantId,
                          List<String> rulesFired, List<ContributionData> topContributions, int configVersion,
                          String modelVersion, boolean late) {
    }

    record ContributionData(String name, double value, double contribution) {
    }

    record AlertData(long id, String entityId, String policy, String status, String severity, String firstSeen,
                     String lastSeen, int eventCount, double highestScore, long firstAssessmentId, long lastAssessmentId,
                     String assignee, String acknowledgedBy, String acknowledgedAt, String resolvedBy, String resolvedAt,
                     String resolution, String note, String createdAt, long version) {
    }

    /**
     * @param byLevel assessments the hub saw since it started, by level (lowercase names); {@code clear} is the
     *                part of {@code low} under the live-feed floor, counted but not pushed one by one by default
     */
    record StatsData(double eventsPerSecond, long received, long scored, long stored, long rejected, long partitionQueued,
                     long storeQueued, long inFlight, double latencyP50Ms, double latencyP99Ms, double latencyMaxMs,
                     Map<String, Long> byLevel, long clear, int clients) {
    }

    record SubscriptionData(String minLevel, boolean includeClear, List<String> entityIds, List<String> types) {
    }
}
