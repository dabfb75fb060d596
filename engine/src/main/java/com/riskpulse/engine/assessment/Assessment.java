package com.riskpulse.engine.assessment;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.List;

/**
 * The scored event: what the stream produces, storage keeps and the API calls a "risk".
 *
 * @param id            time-ordered unique id ({@link AssessmentIds}); the API's {@code risk_id}
 * @param event         the event as received
 * @param score         in [0, 1]
 * @param level         from the thresholds of the configuration that scored it
 * @param features      every feature's value at scoring time
 * @param contributions every non-zero feature and rule contribution, largest magnitude first
 * @param rulesFired    names of the rules that fired, in rule order
 * @param configVersion version of the configuration document that scored it
 * @param modelVersion  name of the scoring model
 * @param scoredAt      wall-clock time of scoring
 * @param late          true when the event was older than the allowed lateness for its entity: it was
 *                      scored against the current state but did not update the windows
 */
public record Assessment(
        long id,
        RiskEvent event,
        double score,
        RiskLevel level,
        FeatureVector features,
        List<Contribution> contributions,
        List<String> rulesFired,
        int configVersion,
        String modelVersion,
        Instant scoredAt,
        boolean late) {

    public Assessment {
        contributions = List.copyOf(contributions);
        rulesFired = List.copyOf(rulesFired);
    }

    public String eventId() {
        return event.eventId();
    }

    public String entityId() {
        return event.entityId();
    }
}
