package com.riskpulse.engine.wiring;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.Resolution;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.auth.SecretKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every role against every protected operation of the wired engine's services: the services enforce
 * the permission matrix themselves, so the embedded console is held to the same rules as the API.
 * Each row calls the real service method; "allowed" means it does not answer {@link Forbidden} (its
 * business outcome — not found, say — does not matter here).
 */
class EveryRoleAgainstEveryOperationTest {

    @TempDir
    static Path dataDir;
    private static RiskEngine engine;

    @BeforeAll
    static void start() {
        engine = RiskEngine.start(Environment.of(Map.of("DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("roles"),
                "RISKPULSE_DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4")), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** operation name, the permission it needs, the call */
    static Stream<Arguments> operations() {
        Stream<Arguments> ops = Stream.of(
                op("list alerts", Permission.READ_ALERTS, a -> engine.alerts().list(a, AlertQuery.all(10))),
                op("alert statistics", Permission.READ_STATS, a -> engine.alerts().stats(a, Instant.now().minusSeconds(3600), Instant.now())),
                op("get an alert", Permission.READ_ALERTS, a -> engine.alerts().get(a, 424242)),
                op("acknowledge an alert", Permission.WORK_ALERTS, a -> engine.alerts().acknowledge(a, 424242)),
                op("assign an alert", Permission.WORK_ALERTS, a -> engine.alerts().assign(a, 424242, "analyst")),
                op("resolve an alert", Permission.WORK_ALERTS, a -> engine.alerts().resolve(a, 424242, Resolution.BENIGN, "ok")),
                op("read the configuration", Permission.READ_CONFIG, a -> engine.config().current(a)),
                op("change the configuration", Permission.CHANGE_CONFIG, a -> engine.config().update(a,
                        engine.config().current().withHighThreshold(0.81), 999_999, "stale on purpose")),
                op("preview a configuration", Permission.PREVIEW_CONFIG, a -> engine.config().preview(a, engine.config().current(), 10)),
                op("list users", Permission.MANAGE_USERS, a -> engine.users().list(a)),
                op("create a user", Permission.MANAGE_USERS, a -> engine.users().create(a, "u" + System.nanoTime(), "u@example.com",
                        "long-enough-password", Role.VIEWER)),
                op("disable a user", Permission.MANAGE_USERS, a -> engine.users().disable(a, 424242)),
                op("read the audit log", Permission.READ_AUDIT, a -> engine.audit().query(a, AuditQuery.all(10))),
                op("verify the audit chain", Permission.VERIFY_AUDIT, a -> engine.audit().verify(a)));
        return ops.flatMap(row -> Arrays.stream(Role.values()).map(role -> Arguments.of(row.get()[0], row.get()[1], row.get()[2], role)));
    }

    @ParameterizedTest(name = "{3} → {0}")
    @MethodSource("operations")
    void eachRoleMayDoExactlyWhatTheMatrixSays(String operation, Permission needed, Consumer<Actor> call, Role role) {
        Actor actor = new Actor(1, role.wireName(), role, Origin.API);
        if (needed.grantedTo(role)) {
            assertThatCode(() -> call.accept(actor)).as("%s may %s", role, operation).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> call.accept(actor)).as("%s may not %s", role, operation).isInstanceOf(Forbidden.class);
        }
    }

    @Test
    void aServerRefusesToStartWithoutARealSecret(@TempDir Path dir) {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:h2:file:" + dir.resolve("server"), "RISKPULSE_DATA_DIR", dir.toString(),
                "SECRET_KEY", "your-secret-key-here");

        assertThatThrownBy(() -> RiskEngine.start(Environment.of(env), RiskEngine.Mode.SERVER, Clock.systemUTC()))
                .isInstanceOf(SecretKeys.InsecureSecret.class).hasMessageContaining("sample value");
        assertThat(dir.resolve(SecretKeys.FILE_NAME)).doesNotExist();
    }

    private static Arguments op(String name, Permission needed, Consumer<Actor> call) {
        return Arguments.of(name, needed, call);
    }
}
