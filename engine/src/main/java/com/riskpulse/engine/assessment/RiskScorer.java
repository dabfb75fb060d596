package com.riskpulse.engine.assessment;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.EntityState;
import com.riskpulse.engine.feature.FeatureExtractor;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.ScoringModel;

import java.time.Instant;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scores events for the entities of one partition: looks up the entity's state, extracts the
 * features, scores them with the current model. NOT thread-safe by design — one partition worker owns
 * one scorer, which is what makes the feature state lock-free. The model is read per event, so a new
 * configuration applies from the next event on.
 */
public final class RiskScorer {

    private final Map<String, EntityState> states = new HashMap<>();
    private final FeatureExtractor extractor;
    private final Supplier<ScoringModel> model;
    private final AssessmentIds ids;

    public RiskScorer(Supplier<ScoringModel> model, AssessmentIds ids, Duration allowedLateness) {
        this.extractor = new FeatureExtractor(allowedLateness);
        this.model = model;
        this.ids = ids;
    }

    /** The assessment of {@code event}, or null when the event is a re-delivery of one already scored. */
    public Assessment score(RiskEvent event) {
        EntityState state = states.computeIfAbsent(event.entityId(), id -> new EntityState());
        FeatureExtractor.Outcome outcome = extractor.apply(state, event);
        if (outcome.duplicate()) return null;
        ScoringModel m = model.get();
        ScoringModel.Score s = m.score(event, outcome.vector());
        long id = ids.next();
        // the id already holds the scoring time to the millisecond: one clock read, not two
        return new Assessment(id, event, s.score(), s.level(), outcome.vector(), s.contributions(),
                s.rulesFired(), m.config().version(), ScoringConfig.MODEL_VERSION,
                Instant.ofEpochMilli(AssessmentIds.millisOf(id)), outcome.late());
    }

    /** Entities this scorer holds state for. */
    public int entityCount() {
        return states.size();
    }

    /** The state of one entity, or null: for explanations ("this account's usual is ...") and tests. */
    public EntityState stateOf(String entityId) {
        return states.get(entityId);
    }
}
