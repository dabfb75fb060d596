package com.riskpulse.engine.alert;

import com.riskpulse.engine.score.RiskLevel;

import java.util.Objects;

/**
 * When an assessment raises (or joins) an alert: part of the configuration document, applied live.
 *
 * @param minimumLevel assessments at or above this level raise an alert (default HIGH: HIGH and CRITICAL)
 */
public record AlertPolicySettings(RiskLevel minimumLevel) {

    public static final AlertPolicySettings DEFAULTS = new AlertPolicySettings(RiskLevel.HIGH);

    public AlertPolicySettings {
        Objects.requireNonNull(minimumLevel, "alert_policy.minimum_level is required");
    }
}
