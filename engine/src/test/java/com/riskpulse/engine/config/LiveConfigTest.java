package com.riskpulse.engine.config;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.config.ConfigDocument.ThresholdValues;
import com.riskpulse.engine.config.ConfigService.PreviewOutcome;
import com.riskpulse.engine.config.ConfigService.UpdateOutcome;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.stream.InMemoryDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineSettings;
import com.riskpulse.engine.testing.InMemoryAssessments;
import com.riskpulse.engine.testing.RecordingAuditLog;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.riskpulse.engine.config.ConfigServiceTest.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A configuration change reaching a running pipeline, and previews against stored assessments. */
class LiveConfigTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    /** Far under any ordinary score (the bias alone gives 0.0067): with it, every event is HIGH. */
    private static final ThresholdValues VERY_LOW = new ThresholdValues(0.001, 0.002, 0.005, 0.99);

    private final TestDatabases.Scratch db = TestDatabases.h2();
    private final JdbcConfigVersions versions = new JdbcConfigVersions(db.database().dataSource());
    private final LiveScoringModel live = new LiveScoringModel(ScoringConfig.defaults());
    private final InMemoryAssessments assessments = new InMemoryAssessments();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final ConfigService service = new ConfigService(versions, live, assessments, audit, Clock.systemUTC());
    private Pipeline pipeline;

    @AfterEach
    void close() throws InterruptedException {
        if (pipeline != null) pipeline.close();
        db.close();
    }

    /** Ordinary payments, ten minutes apart, for a few accounts: LOW under the shipped thresholds. */
    private static List<RiskEvent> payments(String prefix, int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> RiskEvent.builder(prefix + i, "acct-" + (i % 4), T0.plus(Duration.ofMinutes(10L * i)), EventType.PAYMENT)
                        .amount(40 + i % 5).currency("EUR").country("DE").device("d-" + (i % 4)).build())
                .toList();
    }

    private void scoreAndWait(List<RiskEvent> events) throws InterruptedException {
        long expected = assessments.count() + events.size();
        for (RiskEvent e : events) pipeline.submit(e);
        await().atMost(Duration.ofSeconds(10)).until(() -> assessments.count() == expected);
    }

    @Test
    void eventsAfterAnAdminLowersTheHighThresholdAreScoredWithTheNewVersionAndLevels() throws Exception {
        service.load(Environment.of(Map.of()));
        pipeline = Pipeline.start(PipelineSettings.defaults().withPartitions(2), live, new AssessmentIds(1), assessments,
                new InMemoryDeadLetters(10), null, Clock.systemUTC());

        scoreAndWait(payments("before-", 0, 20));
        UpdateOutcome outcome = service.update(ADMIN, service.current().withThresholds(VERY_LOW), 1, "catch everything");
        assertThat(outcome).isInstanceOf(UpdateOutcome.Applied.class);
        scoreAndWait(payments("after-", 20, 20));

        Map<Boolean, List<Assessment>> byPhase = assessments.all().stream()
                .collect(Collectors.partitioningBy(a -> a.eventId().startsWith("after-")));
        assertThat(byPhase.get(false)).hasSize(20).allSatisfy(a -> {
            assertThat(a.configVersion()).isEqualTo(1);
            assertThat(a.level()).isEqualTo(RiskLevel.LOW);
        });
        assertThat(byPhase.get(true)).hasSize(20).allSatisfy(a -> {
            assertThat(a.configVersion()).isEqualTo(2); // the stored version number, not a counter of its own
            assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
        });
        assertThat(versions.current().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aPreviewOfALowerThresholdReportsMoreHighAndMoreAlertsAndChangesNothing() {
        service.load(Environment.of(Map.of()));
        // stored assessments, scored by the current configuration
        RiskScorer scorer = new RiskScorer(live, new AssessmentIds(2), Duration.ofMinutes(5));
        assessments.storeAll(payments("p-", 0, 30).stream().map(scorer::score).toList());
        ScoringConfig applied = live.config();

        PreviewOutcome outcome = service.preview(ADMIN, service.current().withThresholds(VERY_LOW), 25);

        assertThat(outcome).isInstanceOf(PreviewOutcome.Previewed.class);
        ConfigPreview preview = ((PreviewOutcome.Previewed) outcome).preview();
        assertThat(preview.sampled()).isEqualTo(25);
        assertThat(preview.current().version()).isEqualTo(1);
        assertThat(preview.proposed().version()).isEqualTo(2);
        assertThat(preview.current().count(RiskLevel.LOW)).isEqualTo(25);
        assertThat(preview.current().alerts()).isZero();
        assertThat(preview.proposed().count(RiskLevel.HIGH)).isEqualTo(25);
        assertThat(preview.proposed().alerts()).isEqualTo(25);
        assertThat(preview.changed()).isEqualTo(25);
        assertThat(preview.transitions()).isEqualTo(Map.of("LOW->HIGH", 25));
        // nothing stored, applied or rescored in place
        assertThat(versions.history(10)).hasSize(1);
        assertThat(live.config()).isSameAs(applied);
        assertThat(assessments.count()).isEqualTo(30);
        assertThat(assessments.all()).allSatisfy(a -> assertThat(a.level()).isEqualTo(RiskLevel.LOW));
        assertThat(audit.events()).extracting(e -> e.action()).containsExactly(AuditAction.CONFIG_PREVIEWED);
        assertThat(audit.events().getFirst().details()).containsEntry("sampled", 25).containsEntry("alerts_proposed", 25)
                .containsEntry("changes", List.of("thresholds.critical: 0.95 -> 0.99", "thresholds.high: 0.8 -> 0.005",
                        "thresholds.low: 0.3 -> 0.001", "thresholds.medium: 0.5 -> 0.002"));
    }

    @Test
    void aPreviewOfASameConfigurationChangesNoLevelAndAnInvalidOneIsRejected() {
        service.load(Environment.of(Map.of()));
        RiskScorer scorer = new RiskScorer(live, new AssessmentIds(3), Duration.ofMinutes(5));
        assessments.storeAll(payments("q-", 0, 10).stream().map(scorer::score).toList());

        ConfigPreview same = ((PreviewOutcome.Previewed) service.preview(ADMIN, service.current(), 100)).preview();
        assertThat(same.sampled()).isEqualTo(10);
        assertThat(same.changed()).isZero();
        assertThat(same.current().levels()).isEqualTo(same.proposed().levels());

        assertThat(service.preview(ADMIN, service.current().withHighThreshold(2.0), 10))
                .isEqualTo(new PreviewOutcome.Rejected(List.of("thresholds.high: must be in [0, 1], got 2.0")));
        assertThat(service.preview(ADMIN, service.current(), 0)).isInstanceOf(PreviewOutcome.Rejected.class);
        assertThat(Set.copyOf(audit.events().stream().map(e -> e.action()).toList())).containsExactly(AuditAction.CONFIG_PREVIEWED);
    }
}
