package com.riskpulse.engine.testing;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid domain objects in one line, for any test: {@code Fixtures.event()}, {@code Fixtures.assessment()},
 * or a builder pre-filled with valid values when one field matters ({@code Fixtures.assessmentBuilder().score(0.9)
 * .level(HIGH).build()}). Every call gets a fresh event id, so objects never collide by accident.
 */
public final class Fixtures {

    /** A fixed, readable moment that every default time derives from. */
    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    public static final String ENTITY = "acct-42";

    private static final AtomicLong EVENT_SEQUENCE = new AtomicLong();
    /** Node 1023, kept clear of the low node ids a test might configure for itself. */
    private static final AssessmentIds IDS = new AssessmentIds(1023);

    private Fixtures() {
    }

    /** A unique event id, {@code e-<n>}. */
    public static String nextEventId() {
        return "e-" + EVENT_SEQUENCE.incrementAndGet();
    }

    /** A unique, time-ordered assessment id. */
    public static long nextAssessmentId() {
        return IDS.next();
    }

    /** A card payment of entity {@value #ENTITY} at {@link #T0} with every optional field set. */
    public static RiskEvent event() {
        return eventBuilder().build();
    }

    public static RiskEvent event(String entityId, Instant timestamp) {
        return eventBuilder(entityId, timestamp, EventType.PAYMENT).build();
    }

    /** Only the required fields: no amount, channel, merchant, country, device, ip, status or attributes. */
    public static RiskEvent minimalEvent(String entityId, Instant timestamp, EventType type) {
        return RiskEvent.builder(nextEventId(), entityId, timestamp, type).build();
    }

    public static RiskEvent.Builder eventBuilder() {
        return eventBuilder(ENTITY, T0, EventType.PAYMENT);
    }

    /** As in ARCHITECTURE.md's wire-format example, with a fresh event id. */
    public static RiskEvent.Builder eventBuilder(String entityId, Instant timestamp, EventType type) {
        return RiskEvent.builder(nextEventId(), entityId, timestamp, type)
                .amount(129.90).currency("EUR").channel(Channel.CARD_NOT_PRESENT)
                .merchant("m-77", "5999").country("DE").device("d-9").ip("203.0.113.7")
                .status(EventStatus.APPROVED).attributes(Map.of("any", "string"));
    }

    /** Every feature set to a distinct value (feature index + 0.5), so mix-ups show. */
    public static FeatureVector features() {
        double[] values = new double[Feature.count()];
        for (int i = 0; i < values.length; i++) values[i] = i + 0.5;
        return FeatureVector.wrap(values);
    }

    /** A medium-risk assessment of {@link #event()}, scored 5 ms after the event. */
    public static Assessment assessment() {
        return assessmentBuilder().build();
    }

    public static Assessment assessment(RiskEvent event) {
        return assessmentBuilder(event).build();
    }

    public static AssessmentBuilder assessmentBuilder() {
        return assessmentBuilder(event());
    }

    public static AssessmentBuilder assessmentBuilder(RiskEvent event) {
        return new AssessmentBuilder(event);
    }

    /** Builds an {@link Assessment}; starts from valid values, change only what the test is about. */
    public static final class AssessmentBuilder {
        private long id = nextAssessmentId();
        private RiskEvent event;
        private double score = 0.62;
        private RiskLevel level = RiskLevel.MEDIUM;
        private FeatureVector features = Fixtures.features();
        private List<Contribution> contributions = List.of(
                new Contribution(Feature.NEW_DEVICE.wireName(), 1.0, 0.9),
                new Contribution(Contribution.RULE_PREFIX + "new_device_foreign_country", 1.0, 0.7),
                new Contribution(Feature.HOUR_UNUSUAL.wireName(), 0.25, -0.1));
        private List<String> rulesFired = List.of("new_device_foreign_country");
        private int configVersion = 1;
        private String modelVersion = "logistic-v1";
        private Instant scoredAt;
        private boolean late;

        private AssessmentBuilder(RiskEvent event) {
            this.event = event;
            this.scoredAt = event.timestamp().plusMillis(5);
        }

        public AssessmentBuilder id(long value) { id = value; return this; }
        /** Also moves {@code scoredAt} to 5 ms after the new event. */
        public AssessmentBuilder event(RiskEvent value) { event = value; scoredAt = value.timestamp().plusMillis(5); return this; }
        public AssessmentBuilder score(double value) { score = value; return this; }
        public AssessmentBuilder level(RiskLevel value) { level = value; return this; }
        public AssessmentBuilder scored(double value, RiskLevel level) { score = value; this.level = level; return this; }
        public AssessmentBuilder features(FeatureVector value) { features = value; return this; }
        public AssessmentBuilder contributions(List<Contribution> value) { contributions = value; return this; }
        public AssessmentBuilder rulesFired(List<String> value) { rulesFired = value; return this; }
        public AssessmentBuilder configVersion(int value) { configVersion = value; return this; }
        public AssessmentBuilder modelVersion(String value) { modelVersion = value; return this; }
        public AssessmentBuilder scoredAt(Instant value) { scoredAt = value; return this; }
        public AssessmentBuilder late(boolean value) { late = value; return this; }

        public Assessment build() {
            return new Assessment(id, event, score, level, features, contributions, rulesFired, configVersion,
                    modelVersion, scoredAt, late);
        }
    }
}
