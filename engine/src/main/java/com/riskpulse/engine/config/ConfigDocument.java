package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.score.RuleSettings;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.Thresholds;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one versioned configuration: the scoring part ({@link ScoringConfig}'s thresholds, bias, weights
 * and rules), the alert policy and the retention, with who stored it, when and why. The API and storage
 * read and write it as JSON ({@link ConfigJson}, snake_case keys).
 *
 * <p>A document as received is not checked: it may hold anything a client sent, so that
 * {@link ConfigValidator} can report every problem at once with its field path. Only a valid document
 * becomes a {@link ScoringConfig} ({@link #scoringConfig()}) and reaches the pipeline.
 *
 * @param version       1, 2, ... as stored; in a proposal it is ignored (the service assigns the next one)
 * @param thresholds    level boundaries
 * @param bias          log-odds of an event with no signal at all
 * @param weights       per feature wire name; a feature left out weighs 0
 * @param rules         per rule name; a rule left out runs with its defaults
 * @param alertPolicy   when an assessment raises an alert
 * @param retentionDays how many days assessments are kept
 * @param createdAt     when this version was stored (null in a proposal)
 * @param createdBy     who stored it (null in a proposal)
 * @param comment       why, in the author's words (may be null)
 */
public record ConfigDocument(int version, ThresholdValues thresholds, Double bias, Map<String, Double> weights,
                             Map<String, RuleSettings> rules, AlertPolicySettings alertPolicy, Integer retentionDays,
                             Instant createdAt, String createdBy, String comment) {

    public static final int DEFAULT_RETENTION_DAYS = 30;

    /** Threshold values as sent: unchecked, unlike {@link Thresholds}, so that all problems can be reported. */
    public record ThresholdValues(Double low, Double medium, Double high, Double critical) {

        public static ThresholdValues of(Thresholds t) {
            return new ThresholdValues(t.low(), t.medium(), t.high(), t.critical());
        }

        /** Only for values {@link ConfigValidator} accepted. */
        public Thresholds toThresholds() {
            return new Thresholds(low, medium, high, critical);
        }

        public ThresholdValues withHigh(double value) {
            return new ThresholdValues(low, medium, value, critical);
        }
    }

    public ConfigDocument {
        // null-tolerant copies: a null weight is a problem to report, not a NullPointerException
        weights = weights == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        rules = rules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        alertPolicy = alertPolicy == null ? AlertPolicySettings.DEFAULTS : alertPolicy;
        retentionDays = retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
    }

    /** The shipped defaults as version 1: {@link ScoringConfig#defaults()}, alerts from HIGH, 30 days. */
    public static ConfigDocument defaults() {
        return of(ScoringConfig.defaults(), AlertPolicySettings.DEFAULTS, DEFAULT_RETENTION_DAYS);
    }

    /** A document holding {@code scoring} (its version included), with no metadata. */
    public static ConfigDocument of(ScoringConfig scoring, AlertPolicySettings alertPolicy, int retentionDays) {
        return new ConfigDocument(scoring.version(), ThresholdValues.of(scoring.thresholds()), scoring.bias(),
                scoring.weights(), scoring.rules(), alertPolicy, retentionDays, null, null, null);
    }

    /** The scoring part, carrying this document's version. Throws for an invalid document: validate first. */
    public ScoringConfig scoringConfig() {
        return new ScoringConfig(version, thresholds.toThresholds(), bias, weights, rules);
    }

    public ConfigDocument withVersion(int v) {
        return new ConfigDocument(v, thresholds, bias, weights, rules, alertPolicy, retentionDays, createdAt, createdBy, comment);
    }

    public ConfigDocument withThresholds(ThresholdValues t) {
        return new ConfigDocument(version, t, bias, weights, rules, alertPolicy, retentionDays, createdAt, createdBy, comment);
    }

    public ConfigDocument withHighThreshold(double high) {
        return withThresholds(thresholds.withHigh(high));
    }

    public ConfigDocument withWeight(String feature, Double weight) {
        Map<String, Double> w = new LinkedHashMap<>(weights == null ? Map.of() : weights);
        w.put(feature, weight);
        return new ConfigDocument(version, thresholds, bias, w, rules, alertPolicy, retentionDays, createdAt, createdBy, comment);
    }

    public ConfigDocument withRule(String name, RuleSettings settings) {
        Map<String, RuleSettings> r = new LinkedHashMap<>(rules);
        r.put(name, settings);
        return new ConfigDocument(version, thresholds, bias, weights, r, alertPolicy, retentionDays, createdAt, createdBy, comment);
    }

    public ConfigDocument withAlertPolicy(AlertPolicySettings policy) {
        return new ConfigDocument(version, thresholds, bias, weights, rules, policy, retentionDays, createdAt, createdBy, comment);
    }

    public ConfigDocument withRetentionDays(int days) {
        return new ConfigDocument(version, thresholds, bias, weights, rules, alertPolicy, days, createdAt, createdBy, comment);
    }

    public ConfigDocument withBias(Double b) {
        return new ConfigDocument(version, thresholds, b, weights, rules, alertPolicy, retentionDays, createdAt, createdBy, comment);
    }

    /** This content as stored version {@code v}, by {@code by} at {@code at}. */
    public ConfigDocument stored(int v, Instant at, String by, String why) {
        return new ConfigDocument(v, thresholds, bias, weights, rules, alertPolicy, retentionDays, at, by, why);
    }

    /** Whether the configuration itself (not its version or metadata) is the same. */
    public boolean sameSettingsAs(ConfigDocument other) {
        return stored(0, null, null, null).equals(other.stored(0, null, null, null));
    }
}
