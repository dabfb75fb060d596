package com.riskpulse.engine.config;

import com.riskpulse.engine.config.ConfigDocument.ThresholdValues;
import com.riskpulse.engine.config.ConfigValidator.Validation;
import com.riskpulse.engine.score.RuleSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConfigValidatorTest {

    private static final ConfigDocument VALID = ConfigDocument.defaults();

    /** One rule per row: the edit that breaks it and the message that names it. */
    static Stream<Arguments> rules() {
        return Stream.of(
                row("a threshold above 1", d -> d.withHighThreshold(1.3), "thresholds.high: must be in [0, 1], got 1.3"),
                row("a negative threshold", d -> d.withThresholds(new ThresholdValues(-0.1, 0.5, 0.8, 0.95)),
                        "thresholds.low: must be in [0, 1], got -0.1"),
                row("a missing threshold", d -> d.withThresholds(new ThresholdValues(0.3, 0.5, 0.8, null)),
                        "thresholds.critical: is required"),
                row("thresholds out of order", d -> d.withHighThreshold(0.4),
                        "thresholds: must rise: low < medium < high < critical, got 0.3, 0.5, 0.4, 0.95"),
                row("two equal thresholds", d -> d.withHighThreshold(0.95),
                        "thresholds: must rise: low < medium < high < critical, got 0.3, 0.5, 0.95, 0.95"),
                row("no thresholds", d -> d.withThresholds(null), "thresholds: are required (low, medium, high, critical)"),
                row("an infinite weight", d -> d.withWeight("count_1m", Double.POSITIVE_INFINITY),
                        "weights.count_1m: must be finite, got Infinity"),
                row("a NaN weight", d -> d.withWeight("count_1m", Double.NaN), "weights.count_1m: must be finite, got NaN"),
                row("a null weight", d -> d.withWeight("new_device", null), "weights.new_device: must be finite, got null"),
                row("an unknown feature", d -> d.withWeight("shoe_size", 1.0), "weights.shoe_size: no such feature; known: [count_1m"),
                row("a NaN bias", d -> d.withBias(Double.NaN), "bias: must be finite, got NaN"),
                row("no bias", d -> d.withBias(null), "bias: is required"),
                row("an unknown rule", d -> d.withRule("gut_feeling", new RuleSettings(true, 1, Map.of())),
                        "rules.gut_feeling: no such rule; known: [card_testing"),
                row("an infinite rule boost", d -> d.withRule("card_testing", new RuleSettings(true, Double.NEGATIVE_INFINITY, Map.of())),
                        "rules.card_testing.boost: must be finite, got -Infinity"),
                row("an unknown rule parameter", d -> d.withRule("card_testing", new RuleSettings(true, 4, Map.of("max_count", 3.0))),
                        "rules.card_testing.parameters.max_count: no such parameter; known: [min_count_1m, max_mean_amount]"),
                row("a NaN rule parameter", d -> d.withRule("amount_spike", new RuleSettings(true, 1.5, Map.of("min_amount_ratio", Double.NaN))),
                        "rules.amount_spike.parameters.min_amount_ratio: must be finite, got NaN"),
                row("no retention", d -> d.withRetentionDays(0), "retention_days: must be between 1 and 3650 days, got 0"),
                row("a retention beyond ten years", d -> d.withRetentionDays(3651), "retention_days: must be between 1 and 3650 days, got 3651"));
    }

    private static Arguments row(String why, UnaryOperator<ConfigDocument> edit, String message) {
        return arguments(why, edit, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleIsReportedWithItsFieldPath(String why, UnaryOperator<ConfigDocument> edit, String message) {
        Validation outcome = ConfigValidator.validate(edit.apply(VALID));
        assertThat(outcome).isInstanceOf(Validation.Invalid.class);
        assertThat(((Validation.Invalid) outcome).problems()).singleElement().asString().startsWith(message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigDocument bad = VALID.withHighThreshold(1.3).withWeight("count_1m", Double.NaN).withWeight("shoe_size", 1.0)
                .withRetentionDays(0);
        Validation outcome = ConfigValidator.validate(bad);
        assertThat(((Validation.Invalid) outcome).problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("thresholds.high"))
                .anySatisfy(p -> assertThat(p).startsWith("weights.count_1m"))
                .anySatisfy(p -> assertThat(p).startsWith("weights.shoe_size"))
                .anySatisfy(p -> assertThat(p).startsWith("retention_days"));
    }

    @Test
    void theDefaultsAreValidAndYieldTheScoringConfig() {
        Validation outcome = ConfigValidator.validate(VALID.withHighThreshold(0.7).withVersion(4));
        assertThat(outcome).isInstanceOf(Validation.Valid.class);
        var scoring = ((Validation.Valid) outcome).scoring();
        assertThat(scoring.version()).isEqualTo(4);
        assertThat(scoring.thresholds().high()).isEqualTo(0.7);
        assertThat(scoring.weights()).isEqualTo(VALID.weights());
    }
}
