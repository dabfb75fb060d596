package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.RuleSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigJsonTest {

    @Test
    void aStoredDocumentSurvivesTheRoundTripWithSnakeCaseKeys() {
        ConfigDocument doc = ConfigDocument.defaults().withAlertPolicy(new AlertPolicySettings(RiskLevel.CRITICAL))
                .stored(3, Instant.parse("2026-11-26T10:00:00Z"), "admin", "quieter queue");
        String json = ConfigJson.write(doc);

        assertThat(json).contains("\"alert_policy\":{\"minimum_level\":\"CRITICAL\"}", "\"retention_days\":30",
                "\"created_at\":\"2026-11-26T10:00:00Z\"", "\"created_by\":\"admin\"", "\"count_1m\":1.6",
                "\"thresholds\":{\"low\":0.3,\"medium\":0.5,\"high\":0.8,\"critical\":0.95}");
        assertThat(ConfigJson.read(json)).isEqualTo(doc);
    }

    @Test
    void aProposalMaySendOnlyWhatARuleChangesAndLeaveOutPolicyAndRetention() {
        ConfigDocument doc = ConfigJson.read("""
                {"thresholds": {"low": 0.3, "medium": 0.5, "high": 0.7, "critical": 0.95}, "bias": -5,
                 "weights": {"count_1m": 1.6}, "rules": {"card_testing": {"enabled": false}, "amount_spike": {"boost": 2}}}""");

        assertThat(doc.rules().get("card_testing")).isEqualTo(new RuleSettings(false, 4.0, Map.of()));
        assertThat(doc.rules().get("amount_spike")).isEqualTo(new RuleSettings(true, 2.0, Map.of()));
        assertThat(doc.alertPolicy()).isEqualTo(AlertPolicySettings.DEFAULTS);
        assertThat(doc.retentionDays()).isEqualTo(30);
    }

    @Test
    void malformedInputIsRejectedNamingTheField() {
        assertThatThrownBy(() -> ConfigJson.read("{\"thresholds\": {\"high\": \"abc\"}}")).hasMessageStartingWith("thresholds.high: ");
        assertThatThrownBy(() -> ConfigJson.read("{\"colour\": \"red\"}")).hasMessageContaining("colour");
        assertThatThrownBy(() -> ConfigJson.read("{\"alert_policy\": {\"minimum_level\": \"SEVERE\"}}"))
                .hasMessageStartingWith("alert_policy.minimum_level: ");
        assertThatThrownBy(() -> ConfigJson.read("{\"rules\": {\"card_testing\": {\"boost\": \"big\"}}}"))
                .hasMessageContaining("rules.card_testing").hasMessageContaining("boost: must be a number");
        assertThatThrownBy(() -> ConfigJson.read("{\"bias\": ")).hasMessageStartingWith("configuration: ");
    }

    @Test
    void levelsAreReadInAnyCase() {
        assertThat(ConfigJson.read("{\"alert_policy\": {\"minimum_level\": \"medium\"}}").alertPolicy().minimumLevel())
                .isEqualTo(RiskLevel.MEDIUM);
    }
}
