package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.RiskEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a labelled stream into incidents: runs of one entity's events with one scenario label. The
 * generator's cool-down after a scenario is longer than any pause inside one, so a gap that long
 * separates two incidents.
 */
final class Incidents {

    record Incident(ScenarioType type, String entityId, List<RiskEvent> events) {
        RiskEvent first() {
            return events.getFirst();
        }

        long spanMillis() {
            return events.getLast().epochMillis() - events.getFirst().epochMillis();
        }
    }

    private static final long SPLIT_MILLIS = 75 * 60_000L;

    private Incidents() {
    }

    static Map<ScenarioType, List<Incident>> of(List<RiskEvent> events) {
        Map<String, Incident> open = new HashMap<>();
        Map<ScenarioType, List<Incident>> byType = new LinkedHashMap<>();
        for (ScenarioType type : ScenarioType.values()) byType.put(type, new ArrayList<>());
        for (RiskEvent e : events) {
            if (e.scenario() == null) continue;
            ScenarioType type = ScenarioType.fromLabel(e.scenario());
            String key = e.entityId() + "/" + type;
            Incident current = open.get(key);
            if (current == null || e.epochMillis() - current.events().getLast().epochMillis() > SPLIT_MILLIS) {
                current = new Incident(type, e.entityId(), new ArrayList<>());
                open.put(key, current);
                byType.get(type).add(current);
            }
            current.events().add(e);
        }
        return byType;
    }

    /** Only incidents that started long enough before the end of the run to have played out fully. */
    static Map<ScenarioType, List<Incident>> complete(List<RiskEvent> events) {
        long cutoff = events.getLast().epochMillis() - 2 * SPLIT_MILLIS;
        Map<ScenarioType, List<Incident>> byType = of(events);
        byType.values().forEach(list -> list.removeIf(i -> i.first().epochMillis() > cutoff));
        return byType;
    }
}
