package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.simulator.ScenarioType;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.stream.InMemoryDeadLetters;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineSettings;
import com.riskpulse.engine.testing.InMemoryAssessments;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: simulated card-testing bursts → pipeline → alert policy → alerts in a real H2. */
class AlertPipelineTest {

    @Test
    void aCardTestingBurstRaisesExactlyOneAlertPerIncidentEntity() throws Exception {
        SimulatorSettings simulation = SimulatorSettings.unpaced(7, 20_000).onlyScenario(ScenarioType.CARD_TESTING);
        List<RiskEvent> events = Simulator.events(simulation).toList();
        Set<String> incidentEntities = events.stream().filter(e -> e.scenario() != null).map(RiskEvent::entityId).collect(Collectors.toSet());
        InMemoryAssessments storage = new InMemoryAssessments();

        try (TestDatabases.Scratch db = TestDatabases.h2(); HibernateAlerts alerts = HibernateAlerts.open(db.database())) {
            AlertPolicy policy = AlertPolicy.start(alerts, () -> AlertPolicySettings.DEFAULTS, new AlertFeed(), Clock.systemUTC());
            Pipeline pipeline = Pipeline.start(PipelineSettings.defaults().withPartitions(4), new LiveScoringModel(ScoringConfig.defaults()),
                    new AssessmentIds(1), storage, new InMemoryDeadLetters(10), policy, Clock.systemUTC());
            for (RiskEvent e : events) pipeline.submit(e);
            pipeline.close();
            policy.close();

            List<Assessment> high = storage.all().stream().filter(a -> a.level().atLeast(RiskLevel.HIGH)).toList();
            Map<String, Long> highByEntity = high.stream().collect(Collectors.groupingBy(Assessment::entityId, Collectors.counting()));
            List<Alert> all = allAlerts(alerts);

            // one alert per entity that had high-risk events, holding every one of them: no flood, nothing lost
            assertThat(all).extracting(Alert::entityId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(highByEntity.keySet());
            for (Alert alert : all) {
                assertThat(alert.eventCount()).as(alert.entityId()).isEqualTo(highByEntity.get(alert.entityId()).intValue());
                assertThat(alerts.get(alert.id()).orElseThrow().events()).hasSize(alert.eventCount());
            }
            // and the bursts are what raised them
            Set<String> alerted = new HashSet<>(highByEntity.keySet());
            alerted.retainAll(incidentEntities);
            assertThat(incidentEntities).isNotEmpty();
            assertThat(alerted.size()).as("incident entities alerted, of " + incidentEntities.size())
                    .isGreaterThanOrEqualTo(incidentEntities.size() * 3 / 4);
            // a burst scores high many times over: those events were folded into the alerts, not queued one by one
            List<Alert> incidentAlerts = all.stream().filter(a -> incidentEntities.contains(a.entityId())).toList();
            assertThat(incidentAlerts.stream().mapToInt(Alert::eventCount).sum()).isGreaterThan(2 * incidentAlerts.size());
        }
    }

    private static List<Alert> allAlerts(Alerts alerts) {
        List<Alert> all = new ArrayList<>();
        Long cursor = null;
        do {
            Page<Alert> page = alerts.list(AlertQuery.all(AlertQuery.MAX_LIMIT).after(cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
