package com.riskpulse.engine.alert;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The alert queue in numbers.
 *
 * @param byStatus                   every alert, per status (every status present, zero when none)
 * @param bySeverity                 every alert, per severity (every level present)
 * @param openByAge                  OPEN and ACKNOWLEDGED alerts by time since they were raised
 * @param from                       start of the window (inclusive) of the two means
 * @param to                         end of the window (exclusive)
 * @param acknowledgedInWindow       alerts acknowledged in the window
 * @param meanTimeToAcknowledge      raised → acknowledged, over those; null when there are none
 * @param resolvedInWindow           alerts resolved in the window
 * @param meanTimeToResolve          raised → resolved, over those; null when there are none
 */
public record AlertStats(Map<AlertStatus, Long> byStatus, Map<RiskLevel, Long> bySeverity, Map<AgeBucket, Long> openByAge,
                         Instant from, Instant to, long acknowledgedInWindow, Duration meanTimeToAcknowledge,
                         long resolvedInWindow, Duration meanTimeToResolve) {

    /** How long an open alert has been waiting. */
    public enum AgeBucket {
        /** raised less than an hour ago */
        UNDER_1_HOUR,
        /** one hour up to 24 hours */
        FROM_1_TO_24_HOURS,
        /** 24 hours or more */
        OVER_24_HOURS
    }

    public AlertStats {
        byStatus = Map.copyOf(byStatus);
        bySeverity = Map.copyOf(bySeverity);
        openByAge = Map.copyOf(openByAge);
    }
}
