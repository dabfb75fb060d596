package com.riskpulse.desktop.start;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.start.StartViewModel.Phase;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.RiskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The start screen's logic on a real engine, with no toolkit: every call completes on the test's thread. */
class StartViewModelTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path prefsDir;

    private TestEngine engine;
    private final List<RiskClient> loggedIn = new ArrayList<>();

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
    }

    private StartViewModel model(ClientFactory factory) {
        return new StartViewModel(factory, ConsolePreferences.in(prefsDir), Background.direct(), loggedIn::add);
    }

    @Test
    void aFreshDataFolderAsksForTheFirstAdminsPasswordAndThenLogsIn() {
        engine = TestEngine.fresh(dataDir);
        StartViewModel model = model(c -> engine.client());
        model.connect();
        assertThat(model.phase().get()).isEqualTo(Phase.FIRST_ADMIN);

        model.adminPassword().set("a-strong-password");
        model.adminConfirm().set("a-different-one");
        model.createFirstAdmin();
        assertThat(model.error().get()).contains("differ");
        assertThat(loggedIn).isEmpty();

        model.adminConfirm().set("a-strong-password");
        model.createFirstAdmin();
        assertThat(model.error().get()).isEmpty();
        assertThat(loggedIn).singleElement().satisfies(c -> assertThat(c.currentUser()).get()
                .satisfies(u -> assertThat(u.role()).isEqualTo("admin")));
    }

    @Test
    void anExistingInstallationGoesStraightToTheLogInAndAWrongPasswordIsSaidPlainly() {
        engine = TestEngine.start(dataDir);
        StartViewModel model = model(c -> engine.client());
        model.connect();
        assertThat(model.phase().get()).isEqualTo(Phase.LOGIN);

        model.username().set(TestEngine.ADMIN);
        model.password().set("not-the-password");
        model.login();
        assertThat(model.phase().get()).isEqualTo(Phase.LOGIN);
        assertThat(model.error().get()).startsWith("Not logged in").doesNotContain("Exception");
        assertThat(model.password().get()).isEmpty();

        model.password().set(TestEngine.ADMIN_PASSWORD);
        model.login();
        assertThat(loggedIn).hasSize(1);
        assertThat(ConsolePreferences.in(prefsDir).username()).contains(TestEngine.ADMIN);
    }

    @Test
    void aServerUrlThatIsNotOneIsRefusedBeforeConnecting() {
        List<Connection> opened = new ArrayList<>();
        StartViewModel model = model(c -> {
            opened.add(c);
            throw new IllegalStateException("not reached");
        });
        model.serverMode().set(true);
        model.serverUrl().set("ftp://risk.example.com");
        model.connect();
        assertThat(model.error().get()).contains("http:// or https://");
        assertThat(model.phase().get()).isEqualTo(Phase.CHOOSE);
        assertThat(opened).isEmpty();
    }

    @Test
    void anUnreachableServerLeavesTheChoiceOpenWithAReadableError() {
        StartViewModel model = model(c -> {
            throw new com.riskpulse.engine.client.RiskClientException(com.riskpulse.engine.api.ApiError.of(503, "unreachable",
                    "cannot reach http://localhost:1: connection refused"));
        });
        model.serverMode().set(true);
        model.serverUrl().set("http://localhost:1/");
        model.connect();
        assertThat(model.phase().get()).isEqualTo(Phase.CHOOSE);
        assertThat(model.error().get()).isEqualTo("Unavailable: cannot reach http://localhost:1: connection refused");
    }

    @Test
    void theChoiceAndTheServerUrlAreRememberedForTheNextStart() {
        engine = TestEngine.start(dataDir);
        StartViewModel first = model(c -> engine.client());
        first.serverMode().set(true);
        first.serverUrl().set("http://risk.example.com:8000/");
        ConsolePreferences.in(prefsDir).remember(new Connection.Server(first.serverUrl().get()));

        StartViewModel next = model(c -> engine.client());
        assertThat(next.serverMode().get()).isTrue();
        assertThat(next.serverUrl().get()).isEqualTo("http://risk.example.com:8000");
    }
}
