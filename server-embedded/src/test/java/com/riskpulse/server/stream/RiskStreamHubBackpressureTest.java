package com.riskpulse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.riskpulse.server.stream.StreamFixtures.VIEWER;
import static com.riskpulse.server.stream.StreamFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RiskStreamHubBackpressureTest {

    private RiskStreamHub hub;

    @AfterEach
    void close() {
        if (hub != null) hub.close();
    }

    @ParameterizedTest(name = "a client whose trySend does {0}")
    @EnumSource(value = FakeChannel.Mode.class, names = {"REFUSE", "BLOCK"})
    void aStalledClientNeitherDelaysTheFastOneNorThePipelineAndIsDisconnected(FakeChannel.Mode stall) {
        // a buffer far larger than the fast client ever lags behind, far smaller than what the stalled one misses
        int capacity = 20_000;
        hub = StreamFixtures.hub(StreamFixtures.settings(capacity, Duration.ofSeconds(2))).start();
        FakeChannel fast = FakeChannel.fast("fast");
        FakeChannel stalled = new FakeChannel("stalled", stall);
        hub.connect(stalled, VIEWER, Subscription.DEFAULT);
        hub.connect(fast, VIEWER, Subscription.DEFAULT);
        int n = 100_000;

        // the pipeline's side: every call only enqueues, so 100k of them finish while one client takes nothing
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) hub.onAssessment(assessment("acct-" + (i % 500), 0.6, RiskLevel.MEDIUM));
        });
        assertThat(feeding).succeedsWithin(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> fast.count("assessment") == n);
        assertThat(fast.count("dropped")).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> stalled.closeCode.get() == RiskStreamHub.POLICY_VIOLATION);
        assertThat(stalled.closeReason).startsWith("too slow");
        assertThat(stalled.received).isEmpty();
        StreamMetrics metrics = hub.metrics();
        assertThat(metrics.connectedClients()).isEqualTo(1);
        assertThat(metrics.disconnectedForSlowness()).isEqualTo(1);
        // coalesced while it was connected (how much depends on when the watchdog cut it off), never the fast one's
        assertThat(metrics.messagesDropped()).isPositive();
        assertThat(metrics.assessmentsSerialised()).isEqualTo(n);
        stalled.recover();
    }

    @Test
    void aClientThatFallsBehindGetsTheNewestAssessmentPerEntityAndTheDroppedCount() {
        hub = StreamFixtures.hub(StreamFixtures.settings(4, Duration.ofSeconds(60)));
        FakeChannel slow = new FakeChannel("slow", FakeChannel.Mode.REFUSE);
        hub.connect(slow, VIEWER, Subscription.DEFAULT);
        Map<String, Long> newest = new LinkedHashMap<>();
        int n = 100;
        for (int i = 0; i < n; i++) {
            var a = assessment("acct-" + (i % 4), 0.6, RiskLevel.MEDIUM);
            newest.put(a.entityId(), a.id());
            hub.onAssessment(a);
        }
        slow.recover();

        await().until(() -> !slow.messagesOfType("dropped").isEmpty());
        List<JsonNode> assessments = slow.messagesOfType("assessment");
        // at most one message was already taken by the sender before the buffer filled; the rest is the newest per entity
        assertThat(assessments.size()).isBetween(4, 5);
        Map<String, Long> lastSeen = new LinkedHashMap<>();
        for (JsonNode m : assessments) lastSeen.put(m.path("data").path("entity_id").asText(), m.path("data").path("risk_id").asLong());
        assertThat(lastSeen).isEqualTo(newest);
        assertThat(slow.messagesOfType("dropped")).hasSize(1);
        assertThat(slow.messagesOfType("dropped").getFirst().path("count").asLong()).isEqualTo(n - assessments.size());
        assertThat(slow.messages().getLast().path("type").asText()).isEqualTo("dropped");
        assertThat(hub.metrics().messagesDropped()).isEqualTo(n - assessments.size());
        assertThat(hub.metrics().disconnectedForSlowness()).isZero();
    }

    @Test
    void whenNoEntityRepeatsTheNewestMessagesAreKept() {
        hub = StreamFixtures.hub(StreamFixtures.settings(3, Duration.ofSeconds(60)));
        FakeChannel slow = new FakeChannel("slow", FakeChannel.Mode.REFUSE);
        hub.connect(slow, VIEWER, Subscription.DEFAULT);
        for (int i = 0; i < 10; i++) hub.onAssessment(assessment("acct-" + i, 0.6, RiskLevel.MEDIUM));
        slow.recover();

        await().until(() -> !slow.messagesOfType("dropped").isEmpty());
        List<String> entities = slow.messagesOfType("assessment").stream().map(m -> m.path("data").path("entity_id").asText()).toList();
        assertThat(entities).endsWith("acct-7", "acct-8", "acct-9");
    }

    @Test
    void eachAssessmentIsSerialisedOnceWhateverTheNumberOfClients() {
        hub = StreamFixtures.hub(StreamFixtures.settings(1024, Duration.ofSeconds(60)));
        List<FakeChannel> channels = List.of(FakeChannel.fast("a"), FakeChannel.fast("b"), FakeChannel.fast("c"));
        channels.forEach(c -> hub.connect(c, VIEWER, Subscription.DEFAULT));
        for (int i = 0; i < 50; i++) hub.onAssessment(assessment("acct-" + i, 0.6, RiskLevel.MEDIUM));
        hub.onAssessment(assessment("nobody-wants-this", 0.1, RiskLevel.LOW));

        for (FakeChannel c : channels) await().until(() -> c.messagesOfType("assessment").size() == 50);
        assertThat(hub.metrics().assessmentsSerialised()).isEqualTo(50);
        assertThat(hub.metrics().messagesSent()).isEqualTo(150);
    }

    @Test
    void aDisconnectedClientIsForgottenAndTooManyClientsAreRefused() {
        hub = new RiskStreamHub(new StreamSettings(16, Duration.ofSeconds(60), Duration.ofSeconds(1), 1), () -> 0.3,
                () -> StreamFixtures.PIPELINE);
        FakeChannel first = FakeChannel.fast("first");
        FakeChannel second = FakeChannel.fast("second");

        assertThat(hub.connect(first, VIEWER, Subscription.DEFAULT)).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(hub.connect(second, VIEWER, Subscription.DEFAULT)).isEqualTo(new ConnectOutcome.Refused(1013, "too many live clients (1)"));
        assertThat(second.closeCode.get()).isEqualTo(1013);
        assertThat(hub.disconnect(first)).isTrue();
        hub.onAssessment(assessment("acct-1", 0.6, RiskLevel.MEDIUM));

        assertThat(hub.metrics().connectedClients()).isZero();
        assertThat(hub.metrics().assessmentsSerialised()).isZero();
        assertThat(hub.onMessage(first, "{\"type\":\"subscribe\"}")).isFalse();
    }
}
