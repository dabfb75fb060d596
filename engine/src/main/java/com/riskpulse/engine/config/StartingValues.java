package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.config.ConfigDocument.ThresholdValues;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.Thresholds;

import static com.riskpulse.engine.config.EnvironmentVariable.ALERT_MIN_LEVEL;
import static com.riskpulse.engine.config.EnvironmentVariable.RETENTION_DAYS;
import static com.riskpulse.engine.config.EnvironmentVariable.RISK_CRITICAL_THRESHOLD;
import static com.riskpulse.engine.config.EnvironmentVariable.RISK_HIGH_THRESHOLD;
import static com.riskpulse.engine.config.EnvironmentVariable.RISK_LOW_THRESHOLD;
import static com.riskpulse.engine.config.EnvironmentVariable.RISK_MEDIUM_THRESHOLD;

/**
 * The configuration the environment asks for on a first start: the shipped defaults
 * ({@link ConfigDocument#defaults()}) with the seed's {@code RISK_*_THRESHOLD}, {@code ALERT_MIN_LEVEL} and
 * {@code RETENTION_DAYS} laid over them. Once a version is stored these only start version 1; later
 * changes go through the service.
 */
public final class StartingValues {

    private StartingValues() {
    }

    /** Unvalidated: {@link ConfigValidator} says whether the combination holds (e.g. thresholds that rise). */
    public static ConfigDocument from(Environment env) {
        ConfigDocument defaults = ConfigDocument.defaults();
        Thresholds t = Thresholds.DEFAULTS;
        ThresholdValues thresholds = new ThresholdValues(
                env.number(RISK_LOW_THRESHOLD, t.low()),
                env.number(RISK_MEDIUM_THRESHOLD, t.medium()),
                env.number(RISK_HIGH_THRESHOLD, t.high()),
                env.number(RISK_CRITICAL_THRESHOLD, t.critical()));
        RiskLevel minimum = env.enumValue(ALERT_MIN_LEVEL, RiskLevel.class).orElse(AlertPolicySettings.DEFAULTS.minimumLevel());
        return defaults.withThresholds(thresholds)
                .withAlertPolicy(new AlertPolicySettings(minimum))
                .withRetentionDays(env.integer(RETENTION_DAYS, ConfigDocument.DEFAULT_RETENTION_DAYS));
    }
}
