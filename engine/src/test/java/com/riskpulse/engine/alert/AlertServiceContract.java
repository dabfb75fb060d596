package com.riskpulse.engine.alert;

import com.riskpulse.engine.alert.AlertOutcome.Conflict;
import com.riskpulse.engine.alert.AlertOutcome.Done;
import com.riskpulse.engine.alert.AlertOutcome.IllegalTransition;
import com.riskpulse.engine.alert.AlertOutcome.NotFound;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static com.riskpulse.engine.alert.AlertStatus.ACKNOWLEDGED;
import static com.riskpulse.engine.alert.AlertStatus.OPEN;
import static com.riskpulse.engine.alert.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysts' commands on alerts, on a real database: lifecycle, refusals, permissions, audit, races. */
abstract class AlertServiceContract extends AlertDatabaseTest {

    /** The three commands, so that a table can name them. */
    enum Command {
        ACKNOWLEDGE(AuditAction.ALERT_ACKNOWLEDGED) {
            AlertOutcome run(AlertService s, Actor actor, long id) { return s.acknowledge(actor, id); }
        },
        ASSIGN(AuditAction.ALERT_ASSIGNED) {
            AlertOutcome run(AlertService s, Actor actor, long id) { return s.assign(actor, id, "carol"); }
        },
        RESOLVE(AuditAction.ALERT_RESOLVED) {
            AlertOutcome run(AlertService s, Actor actor, long id) { return s.resolve(actor, id, Resolution.FALSE_POSITIVE, "known customer"); }
        };

        final AuditAction audited;

        Command(AuditAction audited) {
            this.audited = audited;
        }

        abstract AlertOutcome run(AlertService s, Actor actor, long id);
    }

    static Stream<Arguments> lifecycle() {
        return Stream.of(
                // from, command, status after (null: refused, with the status it was asked to reach)
                Arguments.of(OPEN, Command.ACKNOWLEDGE, ACKNOWLEDGED, null),          // the normal first step
                Arguments.of(OPEN, Command.ASSIGN, OPEN, null),                       // assigning does not acknowledge
                Arguments.of(OPEN, Command.RESOLVE, RESOLVED, null),                  // allowed: a duplicate needs no acknowledgement
                Arguments.of(ACKNOWLEDGED, Command.ACKNOWLEDGE, null, ACKNOWLEDGED),   // twice: refused, the first analyst keeps it
                Arguments.of(ACKNOWLEDGED, Command.ASSIGN, ACKNOWLEDGED, null),       // hand over while working it
                Arguments.of(ACKNOWLEDGED, Command.RESOLVE, RESOLVED, null),          // the normal last step
                Arguments.of(RESOLVED, Command.ACKNOWLEDGE, null, ACKNOWLEDGED),      // closed is closed
                Arguments.of(RESOLVED, Command.ASSIGN, null, RESOLVED),              // nothing left to work
                Arguments.of(RESOLVED, Command.RESOLVE, null, RESOLVED));            // resolving twice would rewrite history
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("lifecycle")
    void eachTransitionIsDoneOrRefusedAsTheLifecycleSays(AlertStatus from, Command command, AlertStatus after, AlertStatus refusedTo) {
        Alert alert = alertIn(from);
        int audited = audit.events().size();
        List<AlertChange> heard = new CopyOnWriteArrayList<>();
        feed.subscribe(heard::add);

        AlertOutcome outcome = command.run(service, ANALYST, alert.id());

        if (after != null) {
            assertThat(outcome).isInstanceOf(Done.class);
            Alert done = ((Done) outcome).alert();
            assertThat(done.status()).isEqualTo(after);
            assertThat(done.version()).isGreaterThan(alert.version());
            assertThat(reload(alert.id())).isEqualTo(done);
            AuditEvent entry = audit.events().getLast();
            assertThat(audit.events()).hasSize(audited + 1);
            assertThat(entry.actor()).isEqualTo(ANALYST);
            assertThat(entry.action()).isEqualTo(command.audited);
            assertThat(entry.target()).isEqualTo("alert:" + alert.id());
            assertThat(entry.details()).containsEntry("before", from.name()).containsEntry("after", after.name());
            assertThat(heard).singleElement().extracting(AlertChange::alert).isEqualTo(done);
        } else {
            assertThat(outcome).isInstanceOfSatisfying(IllegalTransition.class, refused -> {
                assertThat(refused.from()).isEqualTo(from);
                assertThat(refused.to()).isEqualTo(refusedTo);
                assertThat(refused.message()).contains("alert " + alert.id());
            });
            assertThat(reload(alert.id())).isEqualTo(alert); // nothing changed, not even the version
            assertThat(audit.events()).hasSize(audited);
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void acknowledgingAndResolvingRecordWhoAndWhen() {
        Alert alert = raise("acct-1");

        clock.advance(java.time.Duration.ofMinutes(5));
        Alert acknowledged = ((Done) service.acknowledge(ANALYST, alert.id())).alert();
        clock.advance(java.time.Duration.ofMinutes(7));
        Alert assigned = ((Done) service.assign(ANALYST, alert.id(), "  bob ")).alert();
        Alert resolved = ((Done) service.resolve(OTHER_ANALYST, alert.id(), Resolution.CONFIRMED_FRAUD, "card blocked")).alert();

        assertThat(acknowledged.acknowledgedBy()).isEqualTo("ana");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(alert.createdAt().plusSeconds(300));
        assertThat(assigned.assignee()).isEqualTo("bob");
        assertThat(resolved.resolvedBy()).isEqualTo("bob");
        assertThat(resolved.resolvedAt()).isEqualTo(alert.createdAt().plusSeconds(720));
        assertThat(resolved.resolution()).isEqualTo(Resolution.CONFIRMED_FRAUD);
        assertThat(resolved.note()).isEqualTo("card blocked");
        assertThat(resolved.acknowledgedBy()).isEqualTo("ana"); // earlier steps are kept
        assertThat(audit.of(AuditAction.ALERT_RESOLVED).getFirst().details())
                .containsEntry("resolution", "CONFIRMED_FRAUD").containsEntry("note", "card blocked");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void everyCommandOnAMissingAlertIsNotFound(Command command) {
        assertThat(command.run(service, ANALYST, 987_654)).isEqualTo(new NotFound(987_654));
        assertThat(audit.events()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void aViewerMayReadButNotWorkAlerts(Command command) {
        Alert alert = raise("acct-1");

        assertThatThrownBy(() -> command.run(service, VIEWER, alert.id()))
                .isInstanceOfSatisfying(Forbidden.class, f -> assertThat(f.permission()).isEqualTo(Permission.WORK_ALERTS));

        assertThat(reload(alert.id())).isEqualTo(alert);
        assertThat(audit.events()).isEmpty();
        assertThat(service.get(VIEWER, alert.id())).isPresent();
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Alert alert = raise("acct-1");
        service.assign(ANALYST, alert.id(), "ana");
        Alert current = reload(alert.id());

        AlertOutcome outcome = service.acknowledge(OTHER_ANALYST, alert.id(), alert.version());

        assertThat(outcome).isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.message()).contains("version " + alert.version()));
        assertThat(reload(alert.id())).isEqualTo(current);
        assertThat(audit.of(AuditAction.ALERT_ACKNOWLEDGED)).isEmpty();
    }

    @Test
    void twoAnalystsAcknowledgingAtOnceGetExactlyOneDoneAndOneConflict() throws Exception {
        for (int round = 0; round < 10; round++) {
            Alert alert = raise("acct-race-" + round);
            CyclicBarrier start = new CyclicBarrier(2);
            List<Callable<AlertOutcome>> both = new ArrayList<>();
            for (Actor analyst : List.of(ANALYST, OTHER_ANALYST)) {
                // each saw the same version on screen; each call runs in its own thread, session and transaction
                both.add(() -> {
                    start.await();
                    return service.acknowledge(analyst, alert.id(), alert.version());
                });
            }
            List<AlertOutcome> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Future<AlertOutcome> f : pool.invokeAll(both)) outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(Done.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Conflict.class::isInstance).hasSize(1);
            Alert winner = ((Done) outcomes.stream().filter(Done.class::isInstance).findFirst().orElseThrow()).alert();
            assertThat(reload(alert.id())).isEqualTo(winner);
            assertThat(audit.of(AuditAction.ALERT_ACKNOWLEDGED).stream().filter(e -> e.target().equals(alert.target())))
                    .singleElement().extracting(e -> e.actor().username()).isEqualTo(winner.acknowledgedBy());
        }
    }

    @Test
    void aBlankAssigneeOrAMissingResolutionIsABadRequest() {
        Alert alert = raise("acct-1");

        assertThatThrownBy(() -> service.assign(ANALYST, alert.id(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.resolve(ANALYST, alert.id(), null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FALSE_POSITIVE");
        assertThat(reload(alert.id())).isEqualTo(alert);
    }

    private Alert alertIn(AlertStatus status) {
        Alert alert = raise("acct-1", RiskLevel.HIGH, clock.instant());
        AlertOutcome outcome = switch (status) {
            case OPEN -> new Done(alert);
            case ACKNOWLEDGED -> service.acknowledge(OTHER_ANALYST, alert.id());
            case RESOLVED -> service.resolve(OTHER_ANALYST, alert.id(), Resolution.DUPLICATE, null);
        };
        return ((Done) outcome).alert();
    }
}
