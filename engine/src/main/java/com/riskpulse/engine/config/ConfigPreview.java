package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.ScoringModel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proposed configuration would have done to recent traffic: the same stored assessments (their
 * event and features as scored) rescored with the current and with the proposed model. Pure: it reads
 * the assessments it is given and changes nothing.
 *
 * @param sampled     assessments rescored
 * @param current     levels and alerts under the current configuration
 * @param proposed    levels and alerts under the proposed configuration
 * @param changed     assessments whose level differs between the two
 * @param transitions level changes by kind, e.g. {@code LOW->HIGH: 3}; unchanged ones left out
 */
public record ConfigPreview(int sampled, Outcome current, Outcome proposed, int changed, Map<String, Integer> transitions) {

    /**
     * @param version the configuration version (the proposal's is the one it would get)
     * @param levels  how many assessments get each level
     * @param alerts  how many would raise an alert (level at or above the alert policy's minimum)
     */
    public record Outcome(int version, Map<RiskLevel, Integer> levels, int alerts) {
        public Outcome {
            levels = Collections.unmodifiableMap(new EnumMap<>(levels));
        }

        public int count(RiskLevel level) {
            return levels.getOrDefault(level, 0);
        }
    }

    public ConfigPreview {
        transitions = Collections.unmodifiableMap(new TreeMap<>(transitions));
    }

    public static ConfigPreview of(List<Assessment> sample, ScoringConfig current, AlertPolicySettings currentPolicy,
                                   ScoringConfig proposed, AlertPolicySettings proposedPolicy) {
        ScoringModel before = ScoringModel.compile(current);
        ScoringModel after = ScoringModel.compile(proposed);
        Map<RiskLevel, Integer> levelsBefore = zeroes(), levelsAfter = zeroes();
        Map<String, Integer> transitions = new TreeMap<>();
        int alertsBefore = 0, alertsAfter = 0, changed = 0;
        for (Assessment a : sample) {
            RiskLevel x = before.score(a.event(), a.features()).level();
            RiskLevel y = after.score(a.event(), a.features()).level();
            levelsBefore.merge(x, 1, Integer::sum);
            levelsAfter.merge(y, 1, Integer::sum);
            if (x.atLeast(currentPolicy.minimumLevel())) alertsBefore++;
            if (y.atLeast(proposedPolicy.minimumLevel())) alertsAfter++;
            if (x != y) {
                changed++;
                transitions.merge(x + "->" + y, 1, Integer::sum);
            }
        }
        return new ConfigPreview(sample.size(), new Outcome(current.version(), levelsBefore, alertsBefore),
                new Outcome(proposed.version(), levelsAfter, alertsAfter), changed, transitions);
    }

    private static Map<RiskLevel, Integer> zeroes() {
        Map<RiskLevel, Integer> map = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) map.put(l, 0);
        return map;
    }
}
