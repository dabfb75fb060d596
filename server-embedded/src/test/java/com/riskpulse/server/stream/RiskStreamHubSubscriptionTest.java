package com.riskpulse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static com.riskpulse.server.stream.StreamFixtures.VIEWER;
import static com.riskpulse.server.stream.StreamFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RiskStreamHubSubscriptionTest {

    private final RiskStreamHub hub = StreamFixtures.hub(StreamFixtures.settings(1024, Duration.ofSeconds(10)));
    private final FakeChannel client = FakeChannel.fast("c-1");

    @AfterEach
    void close() {
        hub.close();
    }

    private List<String> entitiesPushed() {
        return client.messagesOfType("assessment").stream().map(m -> m.path("data").path("entity_id").asText()).toList();
    }

    private void feedOneOfEachLevel() {
        hub.onAssessment(assessment("clear", 0.1, RiskLevel.LOW));
        hub.onAssessment(assessment("low", 0.4, RiskLevel.LOW));
        hub.onAssessment(assessment("medium", 0.6, RiskLevel.MEDIUM));
        hub.onAssessment(assessment("high", 0.85, RiskLevel.HIGH));
        hub.onAssessment(assessment("critical", 0.97, RiskLevel.CRITICAL));
    }

    @Test
    void byDefaultEverythingFromTheLiveFloorUpIsPushedAndClearOnesAreOnlyCounted() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        feedOneOfEachLevel();

        await().untilAsserted(() -> assertThat(entitiesPushed()).containsExactly("low", "medium", "high", "critical"));
        hub.publishStats();
        await().untilAsserted(() -> assertThat(client.messagesOfType("stats")).hasSize(1));
        JsonNode stats = client.messagesOfType("stats").getFirst().path("data");
        assertThat(stats.path("clear").asLong()).isEqualTo(1);
        assertThat(stats.path("by_level").path("low").asLong()).isEqualTo(2);
    }

    @ParameterizedTest(name = "min_level {0} pushes {1}")
    @CsvSource(delimiter = '|', value = {
            "low      | clear,low,medium,high,critical",   // an explicit low also asks for those under the floor
            "medium   | medium,high,critical",
            "high     | high,critical",
            "critical | critical"})
    void minLevelFiltersAssessments(String level, String expected) {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        assertThat(hub.onMessage(client, "{\"type\":\"subscribe\",\"min_level\":\"" + level + "\"}")).isTrue();
        feedOneOfEachLevel();

        await().untilAsserted(() -> assertThat(entitiesPushed()).containsExactly(expected.split(",")));
        JsonNode ack = client.messagesOfType("subscribed").getFirst().path("data");
        assertThat(ack.path("min_level").asText()).isEqualTo(level);
    }

    @Test
    void entityFilterPushesOnlyTheNamedEntities() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        hub.onMessage(client, "{\"type\":\"subscribe\",\"entity_ids\":[\"acct-2\",\"acct-3\"]}");
        for (String entity : List.of("acct-1", "acct-2", "acct-3", "acct-4")) hub.onAssessment(assessment(entity, 0.9, RiskLevel.HIGH));

        await().untilAsserted(() -> assertThat(entitiesPushed()).containsExactly("acct-2", "acct-3"));
    }

    @Test
    void typeFilterLeavesOutTheTypesNotAskedFor() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        hub.onMessage(client, "{\"type\":\"subscribe\",\"types\":[\"stats\"]}");
        hub.onAssessment(assessment("acct-1", 0.9, RiskLevel.HIGH));
        hub.publishStats();

        await().untilAsserted(() -> assertThat(client.messagesOfType("stats")).hasSize(1));
        assertThat(client.messagesOfType("assessment")).isEmpty();
        assertThat(client.messagesOfType("subscribed").getFirst().path("data").path("types").toString()).isEqualTo("[\"stats\"]");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`not json`                                       | invalid_json",
            "`[1,2]`                                          | invalid_json",
            "`{\"min_level\":\"high\"}`                       | unknown_message",
            "`{\"type\":\"unsubscribe\"}`                     | unknown_message",
            "`{\"type\":\"subscribe\",\"min_levle\":\"high\"}` | unknown_field",
            "`{\"type\":\"subscribe\",\"min_level\":\"severe\"}` | invalid_min_level",
            "`{\"type\":\"subscribe\",\"min_level\":3}`       | invalid_min_level",
            "`{\"type\":\"subscribe\",\"entity_ids\":\"acct-1\"}` | invalid_entity_ids",
            "`{\"type\":\"subscribe\",\"entity_ids\":[\"\"]}` | invalid_entity_ids",
            "`{\"type\":\"subscribe\",\"types\":[\"trades\"]}` | invalid_types"})
    void invalidMessagesAreAnsweredWithATypedErrorAndKeepTheSubscription(String message, String code) {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        hub.onMessage(client, "{\"type\":\"subscribe\",\"min_level\":\"high\"}");

        assertThat(hub.onMessage(client, message)).isFalse();
        hub.onAssessment(assessment("medium", 0.6, RiskLevel.MEDIUM));
        hub.onAssessment(assessment("high", 0.85, RiskLevel.HIGH));

        await().untilAsserted(() -> assertThat(client.messagesOfType("error")).hasSize(1));
        JsonNode error = client.messagesOfType("error").getFirst();
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        await().untilAsserted(() -> assertThat(entitiesPushed()).containsExactly("high"));
    }

    @Test
    void anEmptySubscribeRestoresTheDefaults() {
        hub.connect(client, VIEWER, new Subscription(RiskLevel.CRITICAL, false, java.util.Set.of("x"), java.util.Set.of(MessageType.STATS)));
        hub.onMessage(client, "{\"type\":\"subscribe\"}");
        feedOneOfEachLevel();

        await().untilAsserted(() -> assertThat(entitiesPushed()).containsExactly("low", "medium", "high", "critical"));
    }
}
