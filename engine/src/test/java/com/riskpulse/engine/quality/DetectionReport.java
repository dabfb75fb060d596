package com.riskpulse.engine.quality;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.score.RiskLevel;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detection quality of a scored, labelled stream. Two views:
 * <ul>
 *   <li>per event: an event is flagged when its level is at least {@code flagAt}; precision is the
 *       share of flagged events that carry a scenario label, recall the share of labelled events flagged;</li>
 *   <li>per incident: one injected scenario instance (an entity's run of events with one label, gaps
 *       under two hours) is caught when any of its events is flagged — what an alert queue needs,
 *       since the first tiny payment of a card test cannot look like anything yet.</li>
 * </ul>
 */
final class DetectionReport {

    private static final long INCIDENT_GAP_MILLIS = 2 * 3_600_000L;

    private final RiskLevel flagAt;
    long events, labelled, flagged, flaggedLabelled;
    private final Map<String, long[]> perScenario = new TreeMap<>(); // label -> {incidents, caught, events, flaggedEvents}
    private final Map<String, Incident> open = new HashMap<>();

    private static final class Incident {
        String label;
        long lastMillis;
        boolean caught;
    }

    DetectionReport(RiskLevel flagAt) {
        this.flagAt = flagAt;
    }

    void add(Assessment a) {
        events++;
        boolean flag = a.level().atLeast(flagAt);
        String label = a.event().scenario();
        if (flag) flagged++;
        if (label == null) return;
        labelled++;
        if (flag) flaggedLabelled++;
        long[] s = perScenario.computeIfAbsent(label, k -> new long[4]);
        s[2]++;
        if (flag) s[3]++;
        long millis = a.event().epochMillis();
        Incident incident = open.get(a.entityId());
        if (incident == null || !incident.label.equals(label) || millis - incident.lastMillis > INCIDENT_GAP_MILLIS) {
            incident = new Incident();
            incident.label = label;
            open.put(a.entityId(), incident);
            s[0]++;
        }
        incident.lastMillis = millis;
        if (flag && !incident.caught) {
            incident.caught = true;
            s[1]++;
        }
    }

    double eventPrecision() {
        return flagged == 0 ? 0 : flaggedLabelled / (double) flagged;
    }

    double eventRecall() {
        return labelled == 0 ? 0 : flaggedLabelled / (double) labelled;
    }

    long incidents() {
        return perScenario.values().stream().mapToLong(s -> s[0]).sum();
    }

    long incidentsCaught() {
        return perScenario.values().stream().mapToLong(s -> s[1]).sum();
    }

    double incidentRecall() {
        return incidents() == 0 ? 0 : incidentsCaught() / (double) incidents();
    }

    /** Share of genuine events flagged: what the analysts wade through. */
    double falsePositiveRate() {
        long genuine = events - labelled;
        return genuine == 0 ? 0 : (flagged - flaggedLabelled) / (double) genuine;
    }

    double scenarioIncidentRecall(String label) {
        long[] s = perScenario.get(label);
        return s == null || s[0] == 0 ? 0 : s[1] / (double) s[0];
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format("Flagged = level %s or above. %,d events, %,d labelled (%d incidents), %,d flagged.%n%n",
                flagAt, events, labelled, incidents(), flagged));
        md.append("| measure | value |\n|---|---|\n");
        md.append(String.format("| event precision (flagged events that are fraud) | %.3f |%n", eventPrecision()));
        md.append(String.format("| event recall (fraud events flagged) | %.3f |%n", eventRecall()));
        md.append(String.format("| incident recall (scenarios with at least one flagged event) | %.3f |%n", incidentRecall()));
        md.append(String.format("| false-positive rate (genuine events flagged) | %.5f |%n%n", falsePositiveRate()));
        md.append("| scenario | incidents | caught | incident recall | events | flagged events |\n|---|---|---|---|---|---|\n");
        perScenario.forEach((label, s) -> md.append(String.format("| %s | %d | %d | %.3f | %d | %d |%n",
                label, s[0], s[1], s[0] == 0 ? 0 : s[1] / (double) s[0], s[2], s[3])));
        return md.toString();
    }
}
