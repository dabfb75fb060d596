package com.riskpulse.engine.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.riskpulse.engine.auth.Role.ADMIN;
import static com.riskpulse.engine.auth.Role.ANALYST;
import static com.riskpulse.engine.auth.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every role against every permission, written out as ARCHITECTURE.md ("Auth") states it. */
class PermissionMatrixTest {

    /** The expected matrix; a permission added to the enum without a row here fails {@link #everyPermissionHasARow}. */
    private static final Map<Permission, Set<Role>> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Permission.READ_RISKS, EnumSet.of(VIEWER, ANALYST, ADMIN)),      // viewers read risks
            Map.entry(Permission.READ_ALERTS, EnumSet.of(VIEWER, ANALYST, ADMIN)),     // ... and alerts
            Map.entry(Permission.READ_STATS, EnumSet.of(VIEWER, ANALYST, ADMIN)),
            Map.entry(Permission.READ_CONFIG, EnumSet.of(VIEWER, ANALYST, ADMIN)),
            Map.entry(Permission.WORK_ALERTS, EnumSet.of(ANALYST, ADMIN)),             // analysts also work alerts
            Map.entry(Permission.EXPLAIN, EnumSet.of(ANALYST, ADMIN)),                 // ... and ask for explanations
            Map.entry(Permission.INGEST_EVENTS, EnumSet.of(ANALYST, ADMIN)),
            Map.entry(Permission.CHANGE_CONFIG, EnumSet.of(ADMIN)),                    // admins also change configuration,
            Map.entry(Permission.PREVIEW_CONFIG, EnumSet.of(ADMIN)),
            Map.entry(Permission.MANAGE_USERS, EnumSet.of(ADMIN)),                     // manage users
            Map.entry(Permission.READ_AUDIT, EnumSet.of(ADMIN)),                       // and read the audit log
            Map.entry(Permission.VERIFY_AUDIT, EnumSet.of(ADMIN))));

    static Stream<Arguments> everyRoleAndPermission() {
        return Arrays.stream(Role.values()).flatMap(role -> Arrays.stream(Permission.values()).map(p -> Arguments.of(role, p)));
    }

    @org.junit.jupiter.api.Test
    void everyPermissionHasARow() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Permission.values());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndPermission")
    void roleHoldsExactlyTheExpectedPermissions(Role role, Permission permission) {
        boolean expected = EXPECTED.get(permission).contains(role);
        Actor actor = new Actor(7, "someone", role, Origin.API);

        assertThat(permission.grantedTo(role)).isEqualTo(expected);
        assertThat(actor.may(permission)).isEqualTo(expected);
        if (expected) {
            assertThat(actor.require(permission)).isSameAs(actor);
        } else {
            assertThatThrownBy(() -> actor.require(permission)).isInstanceOf(Forbidden.class)
                    .hasMessageContaining("role " + role.wireName() + " may not");
        }
    }
}
