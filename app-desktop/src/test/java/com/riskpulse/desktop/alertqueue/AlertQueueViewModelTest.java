package com.riskpulse.desktop.alertqueue;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AlertQueueViewModelTest {

    private static final String ENTITY = "acct-burst";

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient admin;
    private final RecordingNavigator navigator = new RecordingNavigator();
    private LiveFeed live;
    private AlertQueueViewModel viewModel;

    @BeforeEach
    void startEngine() {
        engine = TestEngine.start(dataDir);
        admin = engine.admin();
    }

    @AfterEach
    void stopEngine() {
        if (viewModel != null) viewModel.close();
        if (live != null) live.close();
        engine.close();
    }

    private AlertQueueViewModel queueFor(RiskClient client) {
        live = new LiveFeed(client).start(false);
        viewModel = new AlertQueueViewModel(new ScreenContext(client, Background.direct(), live, navigator, Clock.systemUTC()));
        return viewModel;
    }

    /** Raises the burst's alert and waits until the engine lists it. */
    private AlertView burstAlert() {
        engine.cardTestingBurst(ENTITY);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> admin.alerts(AlertQuery.all(50).forEntity(ENTITY)).items(), items -> !items.isEmpty()).getFirst();
    }

    private AlertRow rowOf(long alertId) {
        return viewModel.rows().stream().filter(r -> r.id() == alertId).findFirst().orElse(null);
    }

    @Test
    void theQueueLoadsTheOpenAlertOfABurst() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();

        assertThat(viewModel.rows()).extracting(r -> r.alert().entityId()).contains(ENTITY);
        assertThat(rowOf(alert.id()).ageProperty().get()).isEqualTo("just now");
        assertThat(viewModel.statusProperty().get()).isEqualTo("1 alert");
        assertThat(viewModel.canWork()).isTrue();
    }

    @Test
    void theAgeFilterAsksTheEngineForAlertsRaisedInThatRange() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();
        viewModel.ageFilterProperty().set(AlertQueueViewModel.AgeFilter.OVER_24H);
        assertThat(viewModel.rows()).as("raised seconds ago").isEmpty();
        assertThat(viewModel.matches(alert)).isFalse();

        viewModel.ageFilterProperty().set(AlertQueueViewModel.AgeFilter.UNDER_1H);
        assertThat(viewModel.rows()).extracting(r -> r.alert().id()).containsExactly(alert.id());
        assertThat(viewModel.matches(alert)).isTrue();
    }

    @Test
    void aLiveRaisedAlertIsAddedAtTheTopAndAnnounced() {
        queueFor(admin).reload();
        assertThat(viewModel.rows()).isEmpty();

        AlertView alert = burstAlert();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            live.flush();
            return rowOf(alert.id()) != null;
        });

        assertThat(viewModel.rows().getFirst().id()).isEqualTo(alert.id());
        assertThat(navigator.notifications).anySatisfy(n -> assertThat(n).startsWith("New ").contains("alert for " + ENTITY));
    }

    @Test
    void selectingAnAlertLoadsItsEventsAndEnterOpensItsLatestAssessment() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();

        viewModel.selectAlert(alert.id());

        assertThat(viewModel.detailTitleProperty().get()).contains("Alert " + alert.id()).contains(ENTITY);
        assertThat(viewModel.detailEvents()).isNotEmpty();
        viewModel.openSelected();
        assertThat(navigator.assessments).containsExactly(viewModel.selectedProperty().get().alert().lastRiskId());
    }

    @Test
    void acknowledgedThenResolvedAlertLeavesTheOpenQueueAndBothActionsAreAudited() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();
        viewModel.selectAlert(alert.id());

        assertThat(viewModel.acknowledgeSelected()).isTrue();
        assertThat(rowOf(alert.id()).alert().status()).isEqualTo("acknowledged");

        assertThat(viewModel.beginResolve()).isTrue();
        viewModel.resolutionProperty().set("confirmed_fraud");
        viewModel.noteProperty().set("card testing, card blocked");
        assertThat(viewModel.confirmResolve()).isTrue();

        assertThat(rowOf(alert.id())).isNull();
        assertThat(viewModel.resolvingProperty().get()).isFalse();
        assertThat(navigator.errors).isEmpty();
        List<AuditEntryView> audit = admin.audit(AuditQuery.all(20).withTarget("alert:" + alert.id())).items();
        assertThat(audit).extracting(AuditEntryView::action)
                .contains(AuditAction.ALERT_ACKNOWLEDGED.name(), AuditAction.ALERT_RESOLVED.name());
        assertThat(admin.alert(alert.id()).orElseThrow().alert().resolution()).isEqualTo("confirmed_fraud");
    }

    @Test
    void anAlertResolvedElsewhereLeavesTheOpenQueueWhenItsChangeArrives() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();
        live.flush();
        assertThat(rowOf(alert.id())).isNotNull();

        admin.resolve(alert.id(), "benign", null);
        live.flush();

        assertThat(rowOf(alert.id())).isNull();
    }

    @Test
    void theResolvedFilterListsResolvedAlertsOnly() {
        AlertView alert = burstAlert();
        admin.resolve(alert.id(), "duplicate", "seen before");
        queueFor(admin).reload();
        assertThat(rowOf(alert.id())).isNull();

        viewModel.statusFilterProperty().set(AlertQueueViewModel.StatusFilter.RESOLVED);

        assertThat(rowOf(alert.id()).alert().status()).isEqualTo("resolved");
    }

    @Test
    void aConflictIsShownReadablyAndTheRowShowsWhatSomeoneElseDid() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();
        viewModel.selectAlert(alert.id());
        admin.acknowledge(alert.id()); // someone else, before this analyst; the live change is not delivered yet

        viewModel.acknowledgeSelected();

        assertThat(navigator.errors).singleElement().satisfies(e -> assertThat(e).contains("Changed meanwhile").doesNotContain("Exception"));
        assertThat(rowOf(alert.id()).alert().status()).isEqualTo("acknowledged");
    }

    @Test
    void aViewerMayNotWorkAlertsAndAcknowledgingIsRefused() {
        AlertView alert = burstAlert();
        admin.createUser("vera", "vera@example.com", "viewer-password-123", "viewer");
        try (EmbeddedRiskClient viewer = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC())) {
            viewer.login("vera", "viewer-password-123");
            queueFor(viewer).reload();
            viewModel.selectAlert(alert.id());

            assertThat(viewModel.canWork()).isFalse();
            assertThat(viewModel.actionableBinding().get()).isFalse();
            assertThat(viewModel.acknowledgeSelected()).isFalse();
            assertThat(viewModel.beginResolve()).isFalse();
            assertThat(viewModel.assignSelectedToMe()).isFalse();
            assertThat(admin.alert(alert.id()).orElseThrow().alert().status()).isEqualTo("open");
            assertThatThrownBy(() -> viewer.acknowledge(alert.id()))
                    .isInstanceOfSatisfying(RiskClientException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void assigningToMeSetsTheAssignee() {
        AlertView alert = burstAlert();
        queueFor(admin).reload();
        viewModel.selectAlert(alert.id());

        viewModel.assignSelectedToMe();

        assertThat(rowOf(alert.id()).alert().assignee()).isEqualTo(TestEngine.ADMIN);
    }

    @Test
    void agesReadInMinutesHoursAndDays() {
        assertThat(AlertRow.age(Duration.ofSeconds(20))).isEqualTo("just now");
        assertThat(AlertRow.age(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(AlertRow.age(Duration.ofMinutes(125))).isEqualTo("2 h");
        assertThat(AlertRow.age(Duration.ofDays(4))).isEqualTo("4 d");
    }
}
