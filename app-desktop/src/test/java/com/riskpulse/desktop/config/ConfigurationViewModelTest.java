package com.riskpulse.desktop.config;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.engine.config.ConfigDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConfigurationViewModelTest {

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient client;
    private RecordingNavigator navigator;
    private ConfigurationViewModel vm;

    @BeforeEach
    void start() {
        engine = TestEngine.start(dataDir);
        client = engine.admin();
        vm = viewModelFor(client);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private ConfigurationViewModel viewModelFor(RiskClient c) {
        navigator = new RecordingNavigator();
        return new ConfigurationViewModel(new ScreenContext(c, Background.direct(), new LiveFeed(c), navigator, Clock.systemUTC()));
    }

    private EmbeddedRiskClient otherUser(String name, String role) {
        client.createUser(name, name + "@example.org", "other-password-123", role);
        EmbeddedRiskClient other = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
        other.login(name, "other-password-123");
        return other;
    }

    @Test
    void loadsTheCurrentConfigurationUnchangedAndValid() {
        vm.load();

        assertThat(vm.versionText().get()).startsWith("Version 1");
        assertThat(vm.high().text().get()).isEqualTo("0.8");
        assertThat(vm.retentionDays().text().get()).isEqualTo("30");
        assertThat(vm.weights()).isNotEmpty();
        assertThat(vm.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.description()).isNotBlank());
        assertThat(vm.valid().get()).isTrue();
        assertThat(vm.changed().get()).isFalse();
        assertThat(vm.canSave().get()).as("nothing to save yet").isFalse();
        assertThat(vm.canPreview().get()).isTrue();
        assertThat(vm.history()).extracting(ConfigurationViewModel.VersionRow::version).containsExactly("v1");
    }

    @Test
    void aThresholdAboveOneIsShownOnItsFieldAndDisablesSaveAndPreview() {
        vm.load();

        vm.high().text().set("1.3");

        assertThat(vm.high().problem().get()).contains("must be in [0, 1]");
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith("thresholds.high:"));
        assertThat(vm.low().problem().get()).isEmpty();
        assertThat(vm.canSave().get()).isFalse();
        assertThat(vm.canPreview().get()).isFalse();

        vm.high().text().set("0.7");

        assertThat(vm.high().problem().get()).isEmpty();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canSave().get()).isTrue();
        assertThat(vm.changes()).containsExactly("thresholds.high: 0.8 -> 0.7");
        assertThat(vm.changesText().get()).isEqualTo("1 changed field");
    }

    @Test
    void textThatIsNotANumberIsReportedAsSuchNextToItsField() {
        vm.load();
        String feature = vm.weights().getFirst().label();

        vm.weights().getFirst().text().set("abc");
        vm.retentionDays().text().set("x");

        assertThat(vm.weights().getFirst().problem().get()).isEqualTo("not a number");
        assertThat(vm.retentionDays().problem().get()).isEqualTo("not a whole number");
        assertThat(vm.problems()).containsExactlyInAnyOrder("weights." + feature + ": not a number", "retention_days: not a whole number");
        assertThat(vm.canSave().get()).isFalse();
    }

    @Test
    void thresholdsThatDoNotRiseAreReportedForTheGroup() {
        vm.load();

        vm.medium().text().set("0.9");

        assertThat(vm.thresholdsProblem().get()).contains("must rise");
        assertThat(vm.valid().get()).isFalse();
    }

    @Test
    void revertBringsBackTheLoadedVersion() {
        vm.load();
        vm.high().text().set("0.6");
        vm.rules().getFirst().enabled().set(false);
        assertThat(vm.changes()).hasSize(2);

        vm.revert();

        assertThat(vm.high().text().get()).isEqualTo("0.8");
        assertThat(vm.rules().getFirst().enabled().get()).isTrue();
        assertThat(vm.changed().get()).isFalse();
    }

    @Test
    void previewReportsTheTransitionsAfterLoweringTheHighThreshold() {
        feedTraffic();
        List<RiskView> recent = client.latest(1000);
        vm.load();
        vm.high().text().set("0.51");

        vm.preview();

        // MEDIUM and HIGH now split at 0.51 instead of 0.8: every assessment in between moves up
        long between = recent.stream().filter(r -> r.score() >= 0.51 && r.score() < 0.8).count();
        assertThat(between).as("the traffic has assessments between the old and new thresholds").isPositive();
        assertThat(vm.previewResult().get()).isNotNull();
        assertThat(vm.previewResult().get().changed()).isEqualTo((int) between);
        assertThat(vm.previewTransitions()).contains("MEDIUM->HIGH: " + between);
        assertThat(vm.previewSummary().get()).contains(between + " would change level");
        assertThat(vm.previewLevels()).hasSize(4);
        assertThat(vm.previewRunning().get()).isFalse();
        assertThat(client.config().version()).as("a preview changes nothing").isEqualTo(1);
    }

    @Test
    void saveCreatesTheNextVersionWhichTheHistoryLists() {
        vm.load();
        vm.high().text().set("0.7");
        vm.comment().set("fewer missed frauds");

        vm.save();

        assertThat(navigator.notifications).containsExactly("Configuration v2 saved");
        assertThat(navigator.errors).isEmpty();
        assertThat(vm.versionText().get()).startsWith("Version 2").contains("by admin");
        assertThat(vm.high().text().get()).isEqualTo("0.7");
        assertThat(vm.changed().get()).isFalse();
        assertThat(vm.history()).extracting(ConfigurationViewModel.VersionRow::version).containsExactly("v2", "v1");
        assertThat(vm.history().getFirst().comment()).isEqualTo("fewer missed frauds");
        assertThat(vm.history().getFirst().savedBy()).isEqualTo("admin");
        assertThat(vm.selectedDifferences()).containsExactly("thresholds.high: 0.8 -> 0.7");

        vm.selectedVersion().set(vm.history().get(1));
        assertThat(vm.selectedDifferences()).containsExactly("First version: the starting values");
    }

    @Test
    void switchingARuleOffIsSavedAndShownAsThatVersionsDifference() {
        vm.load();
        ConfigurationViewModel.RuleRow rule = vm.rules().getFirst();

        rule.enabled().set(false);
        assertThat(vm.changes()).containsExactly("rules." + rule.name() + ".enabled: true -> false");
        vm.save();

        assertThat(client.config().rules().get(rule.name()).enabled()).isFalse();
        assertThat(vm.rules().getFirst().enabled().get()).isFalse();
        assertThat(vm.selectedDifferences()).containsExactly("rules." + rule.name() + ".enabled: true -> false");
    }

    @Test
    void aStaleSaveReportsTheConflictAndOffersReload() {
        vm.load();
        try (EmbeddedRiskClient other = otherUser("second-admin", "admin")) {
            ConfigDocument current = other.config();
            other.saveConfig(current.withHighThreshold(0.75));
        }
        vm.high().text().set("0.7");

        vm.save();

        assertThat(vm.conflict().get()).isTrue();
        assertThat(vm.message().get()).contains("saved a newer configuration").contains("Reload");
        assertThat(navigator.notifications).isEmpty();
        assertThat(client.config().thresholds().high()).isEqualTo(0.75);

        vm.reload();

        assertThat(vm.conflict().get()).isFalse();
        assertThat(vm.versionText().get()).startsWith("Version 2");
        assertThat(vm.high().text().get()).isEqualTo("0.75");
    }

    @Test
    void everyProblemTheEngineReportsOnSaveIsShownNextToItsField() {
        // the engine validates with the same rules as the form, so a 400 on save comes from a client whose engine
        // is stricter (another version behind a server): stand one in that refuses with two problems
        List<String> refused = List.of("thresholds.high: too close to medium", "retention_days: policy requires at least 90");
        RiskClient strict = (RiskClient) Proxy.newProxyInstance(RiskClient.class.getClassLoader(), new Class<?>[]{RiskClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("saveConfig")) {
                        throw new RiskClientException(new ApiError(400, "invalid", "configuration is invalid", null, null, refused));
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConfigurationViewModel form = viewModelFor(strict);
        form.load();
        form.high().text().set("0.55");

        form.save();

        assertThat(form.problems()).containsExactlyElementsOf(refused);
        assertThat(form.high().problem().get()).isEqualTo("too close to medium");
        assertThat(form.retentionDays().problem().get()).isEqualTo("policy requires at least 90");
        assertThat(form.message().get()).contains("2 problem(s)");
        assertThat(navigator.notifications).isEmpty();
        assertThat(client.config().version()).isEqualTo(1);
    }

    @Test
    void theNextAssessmentsUseTheSavedConfiguration() {
        vm.load();
        vm.high().text().set("0.6");
        vm.save();
        assertThat(navigator.notifications).containsExactly("Configuration v2 saved");

        engine.ordinaryTraffic(20);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.latest(20)).hasSize(20).allSatisfy(r -> assertThat(r.configVersion()).isEqualTo(2)));
    }

    @Test
    void aUserWithoutChangeConfigSeesTheConfigurationReadOnly() {
        try (EmbeddedRiskClient viewer = otherUser("vera", "viewer")) {
            ConfigurationViewModel readOnly = viewModelFor(viewer);
            readOnly.load();

            assertThat(readOnly.high().text().get()).isEqualTo("0.8");
            assertThat(readOnly.editable().get()).isFalse();
            readOnly.high().text().set("0.7");
            assertThat(readOnly.canSave().get()).isFalse();
            assertThat(readOnly.canPreview().get()).isFalse();
        }
    }

    private void feedTraffic() {
        engine.ordinaryTraffic(300);
        for (int i = 0; i < 5; i++) engine.cardTestingBurst("card-" + i);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.latest(1000).size() >= 300 + 5 * 40);
    }
}
