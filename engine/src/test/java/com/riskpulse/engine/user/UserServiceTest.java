package com.riskpulse.engine.user;

import com.riskpulse.engine.testing.MutableClock;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.PasswordHasher;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.testing.InMemoryUsers;
import com.riskpulse.engine.testing.RecordingAuditLog;
import com.riskpulse.engine.user.LoginOutcome.Failure;
import com.riskpulse.engine.user.LoginOutcome.Reason;
import com.riskpulse.engine.user.LoginOutcome.Success;
import com.riskpulse.engine.user.UserOutcome.Changed;
import com.riskpulse.engine.user.UserOutcome.Created;
import com.riskpulse.engine.user.UserOutcome.NotFound;
import com.riskpulse.engine.user.UserOutcome.Problem;
import com.riskpulse.engine.user.UserOutcome.Rejected;
import com.riskpulse.engine.user.UserOutcome.Unchanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user service on an in-memory store: logins, lockout, registration, admin commands, bootstrap. */
class UserServiceTest {

    static final String PASSWORD = "securepass123";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private AuthSettings settings = AuthSettings.defaults("a-properly-random-secret-of-more-than-32-bytes", false, Path.of("unused"))
            .withBcryptCost(4);
    private final TokenService tokens = new TokenService(settings, users, clock);
    private UserService service = new UserService(users, audit, new PasswordHasher(4), tokens, settings, clock);

    private UserAccount admin = created(service.create(Actor.SYSTEM, "root", "root@example.com", PASSWORD, Role.ADMIN));
    private final Actor adminActor = admin.actor(Origin.CONSOLE);

    private static UserAccount created(UserOutcome outcome) {
        assertThat(outcome).isInstanceOf(Created.class);
        return ((Created) outcome).user();
    }

    private UserAccount user(String name, Role role) {
        return created(service.create(adminActor, name, name + "@example.com", PASSWORD, role));
    }

    private void withSettings(AuthSettings changed) {
        settings = changed;
        service = new UserService(users, audit, new PasswordHasher(4), tokens, settings, clock);
    }

    // --- login

    @Test
    void loginAnswersATokenOfTheUserAndIsAudited() {
        UserAccount ann = user("ann", Role.ANALYST);

        LoginOutcome outcome = service.login("ann", PASSWORD, Origin.API);

        assertThat(outcome).isInstanceOfSatisfying(Success.class, s -> {
            assertThat(s.user()).isEqualTo(ann);
            assertThat(s.expiresIn()).isEqualTo(Duration.ofMinutes(60));
            assertThat(tokens.verify(s.token())).isInstanceOfSatisfying(TokenService.Valid.class,
                    v -> assertThat(v.actor()).isEqualTo(ann.actor(Origin.API)));
        });
        AuditEvent entry = audit.of(AuditAction.LOGIN).getLast();
        assertThat(entry.actor()).isEqualTo(ann.actor(Origin.API));
        assertThat(entry.target()).isEqualTo("user:" + ann.id());
        assertNoPasswordIn(audit);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndAreAudited() {
        UserAccount ann = user("ann", Role.ANALYST);

        LoginOutcome wrong = service.login("ann", "not-the-password", Origin.API);
        LoginOutcome unknown = service.login("nobody", PASSWORD, Origin.API);

        assertThat(wrong).isEqualTo(new Failure(Reason.BAD_CREDENTIALS, "invalid username or password", null));
        assertThat(unknown).isEqualTo(wrong);
        assertThat(audit.of(AuditAction.LOGIN_FAILED)).extracting(AuditEvent::target).containsExactly("user:" + ann.id(), "username:nobody");
        assertThat(audit.of(AuditAction.LOGIN_FAILED).getFirst().details()).containsEntry("failed_logins", 1).containsEntry("reason", "wrong password");
        assertNoPasswordIn(audit);
    }

    @Test
    void fiveFailuresLockTheAccountAndThePasswordIsNotCheckedWhileLocked() {
        UserAccount ann = user("ann", Role.ANALYST);
        for (int i = 1; i <= 4; i++) {
            assertThat(service.login("ann", "wrong-" + i, Origin.API)).extracting("reason").isEqualTo(Reason.BAD_CREDENTIALS);
        }

        LoginOutcome fifth = service.login("ann", "wrong-5", Origin.API);
        LoginOutcome rightButLocked = service.login("ann", PASSWORD, Origin.API);

        Failure locked = new Failure(Reason.LOCKED, "too many failed logins: account locked until 2026-11-26T10:15:00Z", T0.plus(Duration.ofMinutes(15)));
        assertThat(fifth).isEqualTo(locked);
        assertThat(rightButLocked).isEqualTo(locked);
        assertThat(audit.of(AuditAction.LOGIN_FAILED).getLast().details()).containsEntry("reason", "locked");
        assertThat(users.byId(ann.id()).orElseThrow().failedLogins()).isEqualTo(5);
    }

    @Test
    void lockEndsAfterTheLockoutAndASuccessResetsTheCount() {
        UserAccount ann = user("ann", Role.ANALYST);
        for (int i = 0; i < 5; i++) service.login("ann", "wrong", Origin.API);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(service.login("ann", PASSWORD, Origin.API)).extracting("reason").isEqualTo(Reason.LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.login("ann", PASSWORD, Origin.API)).isInstanceOf(Success.class);

        StoredUser stored = users.byId(ann.id()).orElseThrow();
        assertThat(stored.failedLogins()).isZero();
        assertThat(stored.lockedUntil()).isNull();
    }

    @Test
    void oneMistakeAfterALockRunsOutDoesNotLockAgain() {
        user("ann", Role.ANALYST);
        for (int i = 0; i < 5; i++) service.login("ann", "wrong", Origin.API);
        clock.advance(Duration.ofMinutes(16));

        assertThat(service.login("ann", "wrong", Origin.API)).extracting("reason").isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(service.login("ann", PASSWORD, Origin.API)).isInstanceOf(Success.class);
    }

    @Test
    void failuresCountOnlyWhenConsecutiveAndLimitsAreSettings() {
        withSettings(settings.withLockout(2, Duration.ofMinutes(1)));
        user("ann", Role.ANALYST);

        service.login("ann", "wrong", Origin.API);
        service.login("ann", PASSWORD, Origin.API);
        assertThat(service.login("ann", "wrong", Origin.API)).extracting("reason").isEqualTo(Reason.BAD_CREDENTIALS);
        assertThat(service.login("ann", "wrong", Origin.API)).extracting("reason").isEqualTo(Reason.LOCKED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.login("ann", PASSWORD, Origin.API)).isInstanceOf(Success.class);
    }

    @Test
    void disabledUserCannotLogInEvenWithTheRightPassword() {
        UserAccount ann = user("ann", Role.ANALYST);
        service.disable(adminActor, ann.id());

        assertThat(service.login("ann", PASSWORD, Origin.API)).extracting("reason").isEqualTo(Reason.DISABLED);
        assertThat(service.login("ann", "wrong", Origin.API)).extracting("reason").isEqualTo(Reason.BAD_CREDENTIALS);
    }

    @Test
    void successfulLoginUpgradesAHashMadeWithALowerCost() {
        user("ann", Role.ANALYST);
        PasswordHasher stronger = new PasswordHasher(5);
        new UserService(users, audit, stronger, tokens, settings.withBcryptCost(5), clock).login("ann", PASSWORD, Origin.API);

        assertThat(users.byUsername("ann").orElseThrow().passwordHash()).startsWith("$2b$05$");
        assertThat(service.login("ann", PASSWORD, Origin.API)).isInstanceOf(Success.class);
    }

    // --- refresh

    @Test
    void refreshIssuesALaterTokenOfTheSameUserAndIsNotAudited() {
        UserAccount ann = user("ann", Role.ANALYST);
        Success login = (Success) service.login("ann", PASSWORD, Origin.API);
        int entries = audit.events().size();
        clock.advance(Duration.ofMinutes(50));

        TokenService.IssuedToken fresh = service.refresh(ann.actor(Origin.API));

        assertThat(fresh.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
        assertThat(fresh.expiresIn()).isEqualTo(login.expiresIn());
        assertThat(tokens.verify(fresh.token())).isInstanceOfSatisfying(TokenService.Valid.class,
                v -> assertThat(v.actor()).isEqualTo(ann.actor(Origin.API)));
        assertThat(audit.events()).hasSize(entries);
    }

    @Test
    void theSystemHasNoSessionToRefresh() {
        assertThatThrownBy(() -> service.refresh(Actor.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- registration

    @Test
    void registeringAnAnalystWorksByDefaultAsInTheSeedsExample() {
        UserOutcome outcome = service.register("analyst", "analyst@example.com", PASSWORD, Role.parse("analyst"));

        UserAccount analyst = created(outcome);
        assertThat(analyst.role()).isEqualTo(Role.ANALYST);
        AuditEvent entry = audit.of(AuditAction.REGISTER).getLast();
        assertThat(entry.target()).isEqualTo("user:" + analyst.id());
        assertThat(entry.details()).containsEntry("role", "analyst");
        assertNoPasswordIn(audit);
        assertThat(service.login("analyst", PASSWORD, Origin.API)).isInstanceOf(Success.class);
    }

    @Test
    void registrationNeverGrantsAdmin() {
        assertThat(service.register("mallory", "m@example.com", PASSWORD, Role.ADMIN))
                .isEqualTo(new Rejected(Problem.ROLE_NOT_ALLOWED, "self-registration cannot grant admin: an admin must grant it"));
        assertThat(users.byUsername("mallory")).isEmpty();
        assertThat(audit.of(AuditAction.REGISTER)).isEmpty();
    }

    @Test
    void registrationGrantsOnlyViewerWhenTheSettingSaysSo() {
        withSettings(settings.withRegistrationMaxRole(Role.VIEWER));

        assertThat(service.register("ann", "ann@example.com", PASSWORD, Role.ANALYST)).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.problem()).isEqualTo(Problem.ROLE_NOT_ALLOWED);
            assertThat(r.message()).isEqualTo("self-registration grants at most viewer: ask an admin for analyst");
        });
        assertThat(created(service.register("ann", "ann@example.com", PASSWORD, Role.VIEWER)).role()).isEqualTo(Role.VIEWER);
        assertThat(created(service.register("bob", "bob@example.com", PASSWORD, null)).role()).as("no role asked").isEqualTo(Role.VIEWER);
    }

    @Test
    void registrationChecksUsernameEmailPasswordAndUniqueness() {
        user("ann", Role.VIEWER);

        assertRejected(service.register("ann", "other@example.com", PASSWORD, Role.VIEWER), Problem.USERNAME_TAKEN, "username 'ann' is already taken");
        assertRejected(service.register("bo", "bo@example.com", PASSWORD, Role.VIEWER), Problem.INVALID_USERNAME, "3 to 64 characters");
        assertRejected(service.register("bob smith", "bo@example.com", PASSWORD, Role.VIEWER), Problem.INVALID_USERNAME, "letters, digits");
        assertRejected(service.register("b".repeat(65), "bo@example.com", PASSWORD, Role.VIEWER), Problem.INVALID_USERNAME, "3 to 64");
        assertRejected(service.register("bob", "not-an-email", PASSWORD, Role.VIEWER), Problem.INVALID_EMAIL, "not a valid address");
        assertRejected(service.register("bob", "bob@localhost", PASSWORD, Role.VIEWER), Problem.INVALID_EMAIL, "not a valid address");
        assertRejected(service.register("bob", null, PASSWORD, Role.VIEWER), Problem.INVALID_EMAIL, "email is required");
        assertRejected(service.register("bob", "bob@example.com", "short", Role.VIEWER), Problem.WEAK_PASSWORD, "at least 8 characters");
        assertThat(created(service.register("bob.smith-2_x", "bob@example.com", PASSWORD, Role.VIEWER)).username()).isEqualTo("bob.smith-2_x");
    }

    // --- admin commands

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "ANALYST"})
    void onlyAdminsManageUsers(Role role) {
        UserAccount someone = user("someone", role);
        Actor actor = someone.actor(Origin.API);

        for (Consumer<Actor> command : java.util.List.<Consumer<Actor>>of(
                a -> service.list(a),
                a -> service.create(a, "eve", "eve@example.com", PASSWORD, Role.ADMIN),
                a -> service.changeRole(a, someone.id(), Role.ADMIN),
                a -> service.disable(a, admin.id()),
                a -> service.enable(a, someone.id()))) {
            assertThatThrownBy(() -> command.accept(actor)).isInstanceOf(Forbidden.class).hasMessageContaining("may not manage users");
        }
        assertThat(users.byUsername("eve")).isEmpty();
        assertThat(users.byId(someone.id()).orElseThrow().role()).isEqualTo(role);
    }

    @Test
    void adminChangesRolesAndTheAuditShowsBeforeAndAfter() {
        UserAccount ann = user("ann", Role.VIEWER);

        UserOutcome outcome = service.changeRole(adminActor, ann.id(), Role.ANALYST);

        assertThat(outcome).isInstanceOfSatisfying(Changed.class, c -> {
            assertThat(c.before().role()).isEqualTo(Role.VIEWER);
            assertThat(c.after().role()).isEqualTo(Role.ANALYST);
        });
        AuditEvent entry = audit.of(AuditAction.USER_ROLE_CHANGED).getLast();
        assertThat(entry.actor()).isEqualTo(adminActor);
        assertThat(entry.details()).containsEntry("before", java.util.Map.of("username", "ann", "role", "viewer", "enabled", true))
                .containsEntry("after", java.util.Map.of("username", "ann", "role", "analyst", "enabled", true));
        assertThat(service.changeRole(adminActor, ann.id(), Role.ANALYST)).isInstanceOf(Unchanged.class);
        assertThat(service.changeRole(adminActor, 999, Role.ANALYST)).isEqualTo(new NotFound(999));
        assertThat(audit.of(AuditAction.USER_ROLE_CHANGED)).hasSize(1);
    }

    @Test
    void disableAndEnableAreAuditedAndEnableLiftsALock() {
        UserAccount ann = user("ann", Role.ANALYST);
        for (int i = 0; i < 5; i++) service.login("ann", "wrong", Origin.API);

        assertThat(service.disable(adminActor, ann.id())).isInstanceOf(Changed.class);
        assertThat(service.enable(adminActor, ann.id())).isInstanceOf(Changed.class);

        assertThat(service.login("ann", PASSWORD, Origin.API)).isInstanceOf(Success.class);
        assertThat(audit.of(AuditAction.USER_DISABLED).getLast().details().get("after")).isEqualTo(java.util.Map.of("username", "ann", "role", "analyst", "enabled", false));
        assertThat(audit.of(AuditAction.USER_ENABLED)).hasSize(1);
        assertThat(service.list(adminActor)).extracting(UserAccount::username).containsExactly("root", "ann");
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        assertRejected(service.disable(adminActor, admin.id()), Problem.LAST_ADMIN, "cannot disable yourself: the last enabled admin must stay");
        assertRejected(service.changeRole(adminActor, admin.id(), Role.ANALYST), Problem.LAST_ADMIN, "cannot demote yourself");

        UserAccount second = user("second", Role.ADMIN);
        assertThat(service.changeRole(adminActor, admin.id(), Role.ANALYST)).isInstanceOf(Changed.class);
        Actor secondActor = second.actor(Origin.API);
        assertRejected(service.disable(secondActor, second.id()), Problem.LAST_ADMIN, "last enabled admin");
        assertThat(users.countEnabledAdmins()).isEqualTo(1);
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheOneThatStays() {
        UserAccount second = user("second", Role.ADMIN);
        service.disable(adminActor, second.id());

        assertRejected(service.changeRole(adminActor, admin.id(), Role.VIEWER), Problem.LAST_ADMIN, "last enabled admin");
        assertThat(service.changeRole(adminActor, second.id(), Role.VIEWER)).as("a disabled admin may be demoted").isInstanceOf(Changed.class);
    }

    // --- bootstrap

    @Test
    void bootstrapCreatesAdminWithAOneTimePasswordOnlyOnAnEmptyStore() {
        InMemoryUsers empty = new InMemoryUsers();
        UserService fresh = new UserService(empty, audit, new PasswordHasher(4), new TokenService(settings, empty, clock), settings, clock);

        BootstrapOutcome first = fresh.bootstrapAdmin(Optional.empty());

        assertThat(first).isInstanceOfSatisfying(BootstrapOutcome.Created.class, c -> {
            assertThat(c.admin().username()).isEqualTo("admin");
            assertThat(c.admin().role()).isEqualTo(Role.ADMIN);
            String password = c.oneTimePassword().orElseThrow();
            assertThat(password).hasSize(24);
            assertThat(c.toString()).doesNotContain(password);
            assertThat(fresh.login("admin", password, Origin.CONSOLE)).isInstanceOf(Success.class);
        });
        assertThat(fresh.bootstrapAdmin(Optional.empty())).isEqualTo(new BootstrapOutcome.AlreadyInitialised(1));
        assertThat(fresh.bootstrapAdmin(Optional.of("another-password"))).isEqualTo(new BootstrapOutcome.AlreadyInitialised(1));
        assertThat(empty.count()).isEqualTo(1);
        assertThat(audit.of(AuditAction.USER_CREATED).getLast().actor()).isEqualTo(Actor.SYSTEM);
        assertNoPasswordIn(audit);
    }

    @Test
    void bootstrapWithAGivenPasswordUsesItAndChecksIt() {
        InMemoryUsers empty = new InMemoryUsers();
        UserService fresh = new UserService(empty, audit, new PasswordHasher(4), new TokenService(settings, empty, clock), settings, clock);

        assertThatThrownBy(() -> fresh.bootstrapAdmin(Optional.of("short"))).hasMessageContaining("at least 8 characters");
        assertThat(fresh.bootstrapAdmin(Optional.of("given-password-1"))).isInstanceOfSatisfying(BootstrapOutcome.Created.class,
                c -> assertThat(c.oneTimePassword()).isEmpty());
        assertThat(fresh.login("admin", "given-password-1", Origin.CONSOLE)).isInstanceOf(Success.class);
        assertThat(service.bootstrapAdmin(Optional.empty())).as("users exist already").isInstanceOf(BootstrapOutcome.AlreadyInitialised.class);
    }

    private static void assertRejected(UserOutcome outcome, Problem problem, String messagePart) {
        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.problem()).isEqualTo(problem);
            assertThat(r.message()).contains(messagePart);
        });
    }

    private static void assertNoPasswordIn(RecordingAuditLog audit) {
        assertThat(audit.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(PASSWORD).doesNotContain("$2b$"));
    }
}
