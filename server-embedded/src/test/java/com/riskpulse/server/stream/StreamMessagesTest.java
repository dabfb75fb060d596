package com.riskpulse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.riskpulse.server.stream.StreamFixtures.VIEWER;
import static com.riskpulse.server.stream.StreamFixtures.alert;
import static com.riskpulse.server.stream.StreamFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamMessagesTest {

    private final RiskStreamHub hub = StreamFixtures.hub(StreamFixtures.settings(1024, Duration.ofSeconds(60)));
    private final FakeChannel client = FakeChannel.fast("c-1");

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void anAssessmentMessageCarriesTheScoreAndItsExplanationInSnakeCase() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        var a = assessment("acct-9", 0.91, RiskLevel.HIGH);
        hub.onAssessment(a);

        await().until(() -> client.messagesOfType("assessment").size() == 1);
        JsonNode data = client.messagesOfType("assessment").getFirst().path("data");
        assertThat(data.path("risk_id").asLong()).isEqualTo(a.id());
        assertThat(data.path("event_id").asText()).isEqualTo(a.eventId());
        assertThat(data.path("entity_id").asText()).isEqualTo("acct-9");
        assertThat(data.path("event_type").asText()).isEqualTo("payment");
        assertThat(data.path("timestamp").asText()).isEqualTo(a.event().timestamp().toString());
        assertThat(data.path("score").asDouble()).isEqualTo(0.91);
        assertThat(data.path("level").asText()).isEqualTo("high");
        assertThat(data.path("amount").asDouble()).isEqualTo(120.5);
        assertThat(data.path("rules_fired").get(0).asText()).isEqualTo("new_device_foreign_country");
        assertThat(data.path("top_contributions").get(1).path("name").asText()).isEqualTo("amount_z");
        assertThat(data.path("top_contributions").get(1).path("contribution").asDouble()).isEqualTo(1.3);
        assertThat(data.path("config_version").asInt()).isEqualTo(3);
    }

    @Test
    void alertChangesAreTypedByWhatHappened() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        var open = alert(5, "acct-9", AlertStatus.OPEN, RiskLevel.HIGH);
        List<AlertChange> changes = List.of(new AlertChange.Raised(open), new AlertChange.Updated(open),
                new AlertChange.Acknowledged(alert(5, "acct-9", AlertStatus.ACKNOWLEDGED, RiskLevel.HIGH)),
                new AlertChange.Assigned(open), new AlertChange.Resolved(alert(5, "acct-9", AlertStatus.RESOLVED, RiskLevel.HIGH)));
        changes.forEach(hub::accept);

        await().until(() -> client.messagesOfType("alert").size() == 5);
        List<JsonNode> alerts = client.messagesOfType("alert");
        assertThat(alerts).extracting(m -> m.path("change").asText())
                .containsExactly("raised", "updated", "acknowledged", "assigned", "resolved");
        JsonNode data = alerts.getLast().path("data");
        assertThat(data.path("id").asLong()).isEqualTo(5);
        assertThat(data.path("entity_id").asText()).isEqualTo("acct-9");
        assertThat(data.path("status").asText()).isEqualTo("resolved");
        assertThat(data.path("severity").asText()).isEqualTo("high");
        assertThat(data.path("event_count").asInt()).isEqualTo(2);
        assertThat(data.has("assignee")).isTrue();
    }

    @Test
    void alertsFollowTheEntityAndLevelFilter() {
        hub.connect(client, VIEWER, new Subscription(RiskLevel.CRITICAL, false, java.util.Set.of(), Subscription.DEFAULT.types()));
        hub.accept(new AlertChange.Raised(alert(1, "acct-1", AlertStatus.OPEN, RiskLevel.HIGH)));
        hub.accept(new AlertChange.Raised(alert(2, "acct-2", AlertStatus.OPEN, RiskLevel.CRITICAL)));

        await().until(() -> client.messagesOfType("alert").size() == 1);
        assertThat(client.messagesOfType("alert").getFirst().path("data").path("id").asLong()).isEqualTo(2);
    }

    @Test
    void statsCarryThePipelineCountersAndTheLevelsSeen() {
        hub.connect(client, VIEWER, Subscription.DEFAULT);
        hub.onAssessment(assessment("acct-1", 0.1, RiskLevel.LOW));
        hub.onAssessment(assessment("acct-1", 0.97, RiskLevel.CRITICAL));
        hub.publishStats();

        await().until(() -> client.messagesOfType("stats").size() == 1);
        JsonNode data = client.messagesOfType("stats").getFirst().path("data");
        assertThat(data.path("scored").asLong()).isEqualTo(97);
        assertThat(data.path("stored").asLong()).isEqualTo(95);
        assertThat(data.path("partition_queued").asLong()).isEqualTo(3);
        assertThat(data.path("store_queued").asLong()).isEqualTo(2);
        assertThat(data.path("latency_p50_ms").asDouble()).isEqualTo(1.5);
        assertThat(data.path("latency_p99_ms").asDouble()).isEqualTo(9.0);
        assertThat(data.has("events_per_second")).isTrue();
        assertThat(data.path("by_level").path("critical").asLong()).isEqualTo(1);
        assertThat(data.path("by_level").path("low").asLong()).isEqualTo(1);
        assertThat(data.path("clear").asLong()).isEqualTo(1);
        assertThat(data.path("clients").asInt()).isEqualTo(1);
    }

    @Test
    void statsArePublishedEverySecondOnceStarted() {
        hub.start();
        hub.connect(client, VIEWER, new Subscription(null, false, null, java.util.Set.of(MessageType.STATS)));

        await().atMost(Duration.ofSeconds(5)).until(() -> client.messagesOfType("stats").size() >= 2);
    }

}
