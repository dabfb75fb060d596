package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.alert.AlertStats;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Alert statistics: counts per status, severity and age of open alerts; mean times in seconds (null when none). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlertStatsView(Map<String, Long> byStatus, Map<String, Long> bySeverity, Map<String, Long> openByAge, Instant from,
                             Instant to, long acknowledgedInWindow, Double meanSecondsToAcknowledge, long resolvedInWindow,
                             Double meanSecondsToResolve) {

    public static AlertStatsView of(AlertStats s) {
        return new AlertStatsView(lower(s.byStatus()), lower(s.bySeverity()), lower(s.openByAge()), s.from(), s.to(),
                s.acknowledgedInWindow(), seconds(s.meanTimeToAcknowledge()), s.resolvedInWindow(), seconds(s.meanTimeToResolve()));
    }

    private static <E extends Enum<E>> Map<String, Long> lower(Map<E, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
        return out;
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }
}
