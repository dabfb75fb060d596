package com.riskpulse.desktop.users;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.client.RiskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class UsersViewModelTest {

    @TempDir
    Path data;
    TestEngine engine;
    RiskClient client;
    RecordingNavigator navigator = new RecordingNavigator();
    UsersViewModel viewModel;

    @BeforeEach
    void start() {
        engine = TestEngine.start(data);
        client = engine.admin();
        viewModel = new UsersViewModel(new ScreenContext(client, Background.direct(), null, navigator, Clock.systemUTC()));
        viewModel.refresh();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void fill(String username, String email, String password, String role) {
        viewModel.username().set(username);
        viewModel.email().set(email);
        viewModel.password().set(password);
        viewModel.role().set(role);
    }

    private UserView shown(String username) {
        return viewModel.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void creatingAUserAddsItToTheListAndClearsTheForm() {
        fill("dana", "dana@example.com", "dana-password-1", "analyst");
        viewModel.create();
        assertThat(shown("dana").role()).isEqualTo("analyst");
        assertThat(shown("dana").enabled()).isTrue();
        assertThat(viewModel.username().get()).isEmpty();
        assertThat(viewModel.password().get()).isEmpty();
        assertThat(navigator.notifications).singleElement().asString().contains("dana");
    }

    @Test
    void aTakenUsernameIsShownNextToTheUsernameField() {
        fill("dana", "dana@example.com", "dana-password-1", "viewer");
        viewModel.create();
        fill("dana", "other@example.com", "dana-password-2", "viewer");
        viewModel.create();
        assertThat(viewModel.usernameError().get()).contains("already taken");
        assertThat(viewModel.emailError().get()).isEmpty();
        assertThat(viewModel.formError().get()).isEmpty();
        assertThat(viewModel.users()).filteredOn(u -> u.username().equals("dana")).hasSize(1);
    }

    @Test
    void aWeakPasswordIsShownNextToThePasswordField() {
        fill("erin", "erin@example.com", "short", "viewer");
        viewModel.create();
        assertThat(viewModel.passwordError().get()).isNotEmpty();
        assertThat(viewModel.usernameError().get()).isEmpty();
        assertThat(viewModel.users()).noneMatch(u -> u.username().equals("erin"));
    }

    @Test
    void emptyFieldsAreMarkedWithoutAskingTheEngine() {
        fill("", "", "", "viewer");
        viewModel.create();
        assertThat(viewModel.usernameError().get()).isEqualTo("Required.");
        assertThat(viewModel.emailError().get()).isEqualTo("Required.");
        assertThat(viewModel.passwordError().get()).isEqualTo("Required.");
    }

    @Test
    void theRolePickedForTheSelectedUserIsApplied() {
        fill("dana", "dana@example.com", "dana-password-1", "viewer");
        viewModel.create();
        viewModel.selected().set(shown("dana"));
        viewModel.selectedRole().set("admin");
        viewModel.applyRole();
        assertThat(shown("dana").role()).isEqualTo("admin");
        assertThat(viewModel.selected().get().role()).isEqualTo("admin");
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void disablingAndEnablingFlipsTheUser() {
        fill("dana", "dana@example.com", "dana-password-1", "viewer");
        viewModel.create();
        viewModel.selected().set(shown("dana"));
        viewModel.toggleEnabled();
        assertThat(shown("dana").enabled()).isFalse();
        viewModel.toggleEnabled();
        assertThat(shown("dana").enabled()).isTrue();
    }

    @Test
    void theLastAdminCannotBeDemotedAndTheRefusalIsReadable() {
        viewModel.selected().set(shown("admin"));
        viewModel.selectedRole().set("viewer");
        viewModel.applyRole();
        assertThat(shown("admin").role()).isEqualTo("admin");
        assertThat(viewModel.selectedRole().get()).isEqualTo("admin");
        assertThat(navigator.errors).singleElement().asString()
                .startsWith("Change role of admin: ")
                .contains("last enabled admin must stay")
                .doesNotContain("Exception");
    }

    @Test
    void theLastAdminCannotBeDisabledEither() {
        viewModel.selected().set(shown("admin"));
        viewModel.toggleEnabled();
        assertThat(shown("admin").enabled()).isTrue();
        assertThat(navigator.errors).singleElement().asString().contains("last enabled admin must stay");
    }
}
