package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import org.junit.jupiter.params.provider.Arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A small audit log to query, and a table of queries with the entries each must return, written as plain
 * predicates over what was recorded so the expectation is obviously right. Entry {@code i} (from 0) gets
 * seq {@code i + 1} and is recorded at {@link #at}{@code (i)}. Targets include look-alikes
 * ({@code alert_bulk:}, {@code alertX:}) so that a prefix with a LIKE wildcard in it is seen to be literal.
 */
final class AuditQueryCases {

    static final int SIZE = 36;
    private static final List<Actor> ACTORS = List.of(
            new Actor(1, "alice", Role.ADMIN, Origin.CONSOLE), new Actor(2, "bob", Role.ANALYST, Origin.API),
            new Actor(3, "carol", Role.ANALYST, Origin.CONSOLE), Actor.SYSTEM);
    private static final List<AuditAction> ACTIONS = List.of(AuditAction.ALERT_ACKNOWLEDGED, AuditAction.ALERT_RESOLVED,
            AuditAction.LOGIN, AuditAction.CONFIG_CHANGED, AuditAction.ALERT_ASSIGNED);
    private static final List<String> TARGET_KINDS = List.of("alert:", "user:", "config:", "", "alert_bulk:", "alertX:");

    private AuditQueryCases() {
    }

    /** What entry {@code i} records; actors, actions and targets cycle with different periods, so they mix. */
    static AuditEvent event(int i) {
        String kind = TARGET_KINDS.get(i % TARGET_KINDS.size());
        String target = kind.isEmpty() ? null : kind + (i % 4);
        return new AuditEvent(ACTORS.get(i % ACTORS.size()), ACTIONS.get(i % ACTIONS.size()), target, Map.of("i", i));
    }

    /** When entry {@code i} is recorded: a minute apart. */
    static Instant at(int i) {
        return T0.plus(Duration.ofMinutes(i + 1L));
    }

    /** The seqs of the entries that match, newest first. */
    static List<Long> expectedSeqs(Predicate<Recorded> matches) {
        List<Long> seqs = new ArrayList<>();
        for (int i = SIZE - 1; i >= 0; i--) {
            if (matches.test(new Recorded(event(i), at(i)))) seqs.add(i + 1L);
        }
        return seqs;
    }

    record Recorded(AuditEvent event, Instant at) {
        String actor() { return event.actor().username(); }
        AuditAction action() { return event.action(); }
        String target() { return event.target(); }
        boolean targetStartsWith(String prefix) { return target() != null && target().startsWith(prefix); }
    }

    static Stream<Arguments> cases() {
        AuditQuery all = AuditQuery.all(AuditQuery.MAX_LIMIT);
        return Stream.of(
                arguments("everything", all, (Predicate<Recorded>) r -> true),
                arguments("one actor", all.withActor("alice"), is(r -> r.actor().equals("alice"))),
                arguments("the system", all.withActor("system"), is(r -> r.actor().equals("system"))),
                arguments("nobody of that name", all.withActor("mallory"), is(r -> false)),
                arguments("one action", all.withActions(AuditAction.LOGIN), is(r -> r.action() == AuditAction.LOGIN)),
                arguments("two actions", all.withActions(AuditAction.ALERT_ACKNOWLEDGED, AuditAction.ALERT_RESOLVED),
                        is(r -> r.action() == AuditAction.ALERT_ACKNOWLEDGED || r.action() == AuditAction.ALERT_RESOLVED)),
                arguments("exact target", all.withTarget("alert:0"), is(r -> "alert:0".equals(r.target()))),
                arguments("target prefix", all.withTargetPrefix("alert:"), is(r -> r.targetStartsWith("alert:"))),
                arguments("prefix with an underscore is literal", all.withTargetPrefix("alert_"),
                        is(r -> r.targetStartsWith("alert_"))),
                arguments("prefix with a percent sign is literal", all.withTargetPrefix("alert%"), is(r -> false)),
                arguments("from", all.between(at(20), null), is(r -> !r.at().isBefore(at(20)))),
                arguments("to", all.between(null, at(10)), is(r -> r.at().isBefore(at(10)))),
                arguments("time range", all.between(at(5), at(25)), is(r -> !r.at().isBefore(at(5)) && r.at().isBefore(at(25)))),
                arguments("actor and prefix", all.withActor("bob").withTargetPrefix("alert"),
                        is(r -> r.actor().equals("bob") && r.targetStartsWith("alert"))),
                arguments("actor, actions, prefix and time", all.withActor("alice")
                                .withActions(AuditAction.ALERT_ACKNOWLEDGED, AuditAction.CONFIG_CHANGED, AuditAction.LOGIN)
                                .withTargetPrefix("").between(at(3), at(33)),
                        is(r -> r.actor().equals("alice") && r.target() != null && !r.at().isBefore(at(3)) && r.at().isBefore(at(33))
                                && Stream.of(AuditAction.ALERT_ACKNOWLEDGED, AuditAction.CONFIG_CHANGED, AuditAction.LOGIN)
                                .anyMatch(a -> a == r.action()))),
                arguments("before a cursor", all.after(20L), is(r -> r.at().isBefore(at(19)))));
    }

    private static Predicate<Recorded> is(Predicate<Recorded> p) {
        return p;
    }
}
