package com.riskpulse.engine.user;

import com.riskpulse.engine.testing.MutableClock;
import com.riskpulse.engine.auth.AccountStatus;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.PasswordHasher;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.storage.HibernateSessions;
import com.riskpulse.engine.testing.RecordingAuditLog;
import com.riskpulse.engine.testing.TestDatabases;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Users} must do, run against each database by a small subclass (Flyway's V3 schema,
 * validated by Hibernate on opening). Each test starts from an empty table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UsersContract {

    private TestDatabases.Scratch db;
    private SessionFactory sessions;
    private TestAbortedException unavailable;
    protected Users users;

    protected abstract TestDatabases.Scratch openDatabase();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e;
            return;
        }
        sessions = HibernateSessions.open(db.database(), HibernateUsers.ENTITIES);
        users = new HibernateUsers(sessions);
    }

    @AfterAll
    void close() {
        if (sessions != null) sessions.close();
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        if (unavailable != null) Assumptions.abort(unavailable.getMessage());
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM users");
        }
    }

    private static NewUser newUser(String name, Role role) {
        return new NewUser(name, name + "@example.com", "$2b$04$hash-of-" + name, role, true, T0);
    }

    @Test
    void addedUserReadsBackByIdAndName() {
        StoredUser added = users.add(newUser("ann", Role.ANALYST));

        assertThat(added.id()).isPositive();
        assertThat(added.account()).isEqualTo(new UserAccount(added.id(), "ann", "ann@example.com", Role.ANALYST, true, T0));
        assertThat(added.passwordHash()).isEqualTo("$2b$04$hash-of-ann");
        assertThat(added.failedLogins()).isZero();
        assertThat(added.lockedUntil()).isNull();
        assertThat(users.byId(added.id())).contains(added);
        assertThat(users.byUsername("ann")).contains(added);
        assertThat(users.byUsername("Ann")).as("names compare exactly").isEmpty();
        assertThat(users.byId(added.id() + 1000)).isEmpty();
        assertThat(users.status(added.id())).contains(new AccountStatus(added.id(), "ann", Role.ANALYST, true));
    }

    @Test
    void usernameIsUnique() {
        users.add(newUser("ann", Role.VIEWER));

        assertThatThrownBy(() -> users.add(newUser("ann", Role.ADMIN))).isInstanceOf(UsernameTaken.class).hasMessageContaining("'ann'");
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void updateWritesEverythingButTheIdentityAndMovesTheVersionOn() {
        StoredUser ann = users.add(newUser("ann", Role.VIEWER));
        Instant later = T0.plus(Duration.ofMinutes(5));
        Instant lock = T0.plus(Duration.ofMinutes(20)).plusNanos(123_000);

        StoredUser changed = ann.withRole(Role.ANALYST, later).withEnabled(false, later).withLogins(3, lock, later).withPasswordHash("$2b$04$new", later);
        StoredUser stored = users.update(changed).orElseThrow();

        assertThat(stored.version()).isGreaterThan(ann.version());
        assertThat(stored.account()).isEqualTo(new UserAccount(ann.id(), "ann", "ann@example.com", Role.ANALYST, false, T0));
        assertThat(stored.failedLogins()).isEqualTo(3);
        assertThat(stored.lockedUntil()).isEqualTo(lock);
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(users.byId(ann.id())).contains(stored);
    }

    @Test
    void updateBasedOnAStaleVersionFails() {
        StoredUser read = users.add(newUser("ann", Role.VIEWER));
        users.update(read.withRole(Role.ANALYST, T0));

        assertThatThrownBy(() -> users.update(read.withEnabled(false, T0))).isInstanceOf(ConcurrentUpdate.class);
        assertThat(users.byId(read.id()).orElseThrow().account().role()).isEqualTo(Role.ANALYST);
        assertThat(users.byId(read.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void changeRetriesOnTopOfTheLatestVersion() {
        StoredUser ann = users.add(newUser("ann", Role.VIEWER));
        users.update(ann.withLogins(1, null, T0));

        StoredUser after = users.change(ann.id(), u -> u.withLogins(u.failedLogins() + 1, null, T0)).orElseThrow();

        assertThat(after.failedLogins()).isEqualTo(2);
        assertThat(users.change(ann.id() + 1000, u -> u)).isEmpty();
    }

    @Test
    void countsAndListing() {
        StoredUser a = users.add(newUser("admin1", Role.ADMIN));
        StoredUser b = users.add(newUser("admin2", Role.ADMIN));
        users.add(newUser("viewer", Role.VIEWER));
        users.update(b.withEnabled(false, T0));

        assertThat(users.count()).isEqualTo(3);
        assertThat(users.countEnabledAdmins()).isEqualTo(1);
        assertThat(users.all()).extracting(StoredUser::username).containsExactly("admin1", "admin2", "viewer");
        assertThat(users.all().getFirst()).isEqualTo(users.byId(a.id()).orElseThrow());
    }

    @Test
    void deletedUserIsGoneAndUpdatesOfItFindNothing() {
        StoredUser ann = users.add(newUser("ann", Role.VIEWER));

        assertThat(users.delete(ann.id())).isTrue();
        assertThat(users.delete(ann.id())).isFalse();
        assertThat(users.byId(ann.id())).isEmpty();
        assertThat(users.status(ann.id())).isEmpty();
        assertThat(users.update(ann.withRole(Role.ADMIN, T0))).isEmpty();
    }

    @Test
    void serviceLogsInLocksAndBootstrapsOnThisDatabase() {
        AuthSettings settings = AuthSettings.defaults("a-properly-random-secret-of-more-than-32-bytes", false, Path.of("unused"))
                .withBcryptCost(4).withLockout(2, Duration.ofMinutes(15));
        MutableClock clock = new MutableClock(T0);
        RecordingAuditLog audit = new RecordingAuditLog();
        UserService service = new UserService(users, audit, new PasswordHasher(4), new TokenService(settings, users, clock), settings, clock);

        String password = ((BootstrapOutcome.Created) service.bootstrapAdmin(Optional.empty())).oneTimePassword().orElseThrow();
        assertThat(service.bootstrapAdmin(Optional.empty())).isEqualTo(new BootstrapOutcome.AlreadyInitialised(1));
        assertThat(service.login("admin", password, Origin.CONSOLE)).isInstanceOf(LoginOutcome.Success.class);
        service.login("admin", "wrong", Origin.API);
        assertThat(service.login("admin", "wrong", Origin.API)).extracting("reason").isEqualTo(LoginOutcome.Reason.LOCKED);
        assertThat(users.byUsername("admin").orElseThrow().lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(service.login("admin", password, Origin.CONSOLE)).isInstanceOf(LoginOutcome.Success.class);
        assertThat(users.byUsername("admin").orElseThrow().failedLogins()).isZero();
    }
}
