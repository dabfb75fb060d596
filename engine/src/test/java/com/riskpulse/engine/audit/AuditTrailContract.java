package com.riskpulse.engine.audit;

import com.riskpulse.engine.audit.ChainVerification.Broken;
import com.riskpulse.engine.audit.ChainVerification.Intact;
import com.riskpulse.engine.audit.ChainVerification.Problem;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.storage.Database;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the audit trail must do, run against each database by a small subclass: entries round-trip and
 * chain, the chain verifies and names the first row a direct SQL edit broke, appends from many threads (and,
 * where the database allows, several connection pools standing in for several servers) stay one chain, and
 * only admins verify. Queries are in {@link AuditQueryContract}. Each test starts from an empty log.
 */
public abstract class AuditTrailContract extends AuditContractBase {

    // ---- recording and chaining

    @Test
    void entryReadsBackWithItsDetails() {
        Map<String, Object> details = Map.of(
                "before", Map.of("threshold", 0.8, "rules", List.of("a", "b"), "nested", Map.of("deep", true)),
                "after", Map.of("threshold", 0.75, "rules", List.of(), "nested", Map.of("deep", false)),
                "note", "quotes \" and 'single', back\\slash, tab\t, newline\n, é ü ß, 日本, 😀",
                "count", 3, "big", 12_345_678_901L);
        clock.set(T0.plusNanos(123_456_789)); // kept to the microsecond

        long seq = audit.record(new AuditEvent(ADMIN, AuditAction.CONFIG_CHANGED, "config:3", details));

        AuditEntry entry = only(audit.query(ADMIN, AuditQuery.all(10)));
        assertThat(entry.seq()).isEqualTo(seq).isEqualTo(1);
        assertThat(entry.at()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(entry.actor()).isEqualTo(ADMIN);
        assertThat(entry.action()).isEqualTo(AuditAction.CONFIG_CHANGED);
        assertThat(entry.target()).isEqualTo("config:3");
        assertThat(entry.details()).isEqualTo(details);
        assertThat(entry.prevHash()).isEqualTo(AuditHashing.GENESIS);
        assertThat(entry.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void entryWithoutTargetOrDetailsReadsBack() {
        audit.record(AuditEvent.of(Actor.SYSTEM, AuditAction.LOGIN_FAILED, null));

        AuditEntry entry = only(audit.query(ADMIN, AuditQuery.all(10)));
        assertThat(entry.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(entry.target()).isNull();
        assertThat(entry.details()).isEmpty();
    }

    @Test
    void eachEntryFollowsAndLinksToTheOneBefore() {
        for (int i = 0; i < 6; i++) audit.record(AuditEvent.of(ANALYST, AuditAction.ALERT_ACKNOWLEDGED, "alert:" + i));

        List<AuditEntry> oldestFirst = audit.query(ADMIN, AuditQuery.all(100)).entries().reversed();

        assertThat(oldestFirst).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(oldestFirst.getFirst().prevHash()).isEqualTo(AuditHashing.GENESIS);
        for (int i = 1; i < oldestFirst.size(); i++) {
            assertThat(oldestFirst.get(i).prevHash()).as("prev_hash of seq %d", i + 1).isEqualTo(oldestFirst.get(i - 1).hash());
        }
        assertThat(oldestFirst).extracting(AuditEntry::hash).doesNotHaveDuplicates();
    }

    @Test
    void detailsThatCannotBeWrittenFailTheCallAndWriteNothing() {
        var unwritable = new AuditEvent(ADMIN, AuditAction.CONFIG_CHANGED, "config:1", Map.of("x", new Object()));

        assertThatThrownBy(() -> audit.record(unwritable)).isInstanceOf(IllegalArgumentException.class);

        assertThat(audit.query(ADMIN, AuditQuery.all(10)).entries()).isEmpty();
    }

    // ---- verification

    @Test
    void emptyLogIsIntact() {
        assertThat(audit.verify(ADMIN)).isEqualTo(new Intact(0, AuditHashing.GENESIS));
    }

    @Test
    void untouchedChainIsIntactAndTheVerificationIsAudited() {
        recordTen();
        String lastHash = audit.query(ADMIN, AuditQuery.all(1)).entries().getFirst().hash();

        ChainVerification result = audit.verify(ADMIN);

        assertThat(result).isEqualTo(new Intact(10, lastHash));
        AuditEntry verified = audit.query(ADMIN, AuditQuery.all(1)).entries().getFirst();
        assertThat(verified.seq()).isEqualTo(11);
        assertThat(verified.action()).isEqualTo(AuditAction.AUDIT_VERIFIED);
        assertThat(verified.actor()).isEqualTo(ADMIN);
        assertThat(verified.details()).containsEntry("result", "intact").containsEntry("rows_checked", 10)
                .containsEntry("last_hash", lastHash);
        // the verification entry is itself part of the chain
        assertThat(audit.verify(ADMIN)).isInstanceOf(Intact.class).extracting(v -> ((Intact) v).rowsChecked()).isEqualTo(11L);
    }

    @Test
    void editedDetailsBreakTheChainAtThatRow() throws SQLException {
        recordTen();
        sql("UPDATE audit_log SET details = '{\"note\":\"nothing to see\"}' WHERE seq = 4");

        assertThat(audit.verify(ADMIN)).isInstanceOfSatisfying(Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.problem()).isEqualTo(Problem.CONTENT_HASH);
        });
    }

    @Test
    void editedActorBreaksTheChainAtThatRow() throws SQLException {
        recordTen();
        sql("UPDATE audit_log SET actor_name = 'mallory', actor_role = 'VIEWER' WHERE seq = 7");

        assertThat(broken(audit.verify(ADMIN))).isEqualTo(7);
    }

    @Test
    void editedTimeBreaksTheChainAtThatRow() throws SQLException {
        recordTen();
        sql("UPDATE audit_log SET at = at + INTERVAL '1' SECOND WHERE seq = 2");

        assertThat(audit.verify(ADMIN)).isInstanceOfSatisfying(Broken.class,
                b -> assertThat(b).extracting(Broken::seq, Broken::problem).containsExactly(2L, Problem.CONTENT_HASH));
    }

    @Test
    void detailsThatAreNoLongerJsonBreakTheChainAtThatRow() throws SQLException {
        recordTen();
        sql("UPDATE audit_log SET details = 'not json' WHERE seq = 5");

        assertThat(audit.verify(ADMIN)).isInstanceOfSatisfying(Broken.class,
                b -> assertThat(b).extracting(Broken::seq, Broken::problem).containsExactly(5L, Problem.CONTENT_HASH));
    }

    @Test
    void deletedMiddleRowShowsAsAGapAtItsSeq() throws SQLException {
        recordTen();
        sql("DELETE FROM audit_log WHERE seq = 5");

        assertThat(audit.verify(ADMIN)).isEqualTo(new Broken(5, Problem.SEQ_GAP, "seq 5", "seq 6"));
    }

    @Test
    void rowReHashedConsistentlyBreaksTheLinkOfTheNextRow() throws SQLException {
        recordTen();
        AuditEntry row = bySeq(6);
        String forged = "{\"note\":\"forged\"}";
        String forgedHash = AuditHashing.hash(new AuditHashing.Content(row.seq(), row.at(), row.actor().userId(),
                row.actor().username(), row.role().name(), row.origin().name(), row.action().name(), row.target(),
                forged, row.prevHash()));
        try (Connection c = db.database().dataSource().getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE audit_log SET details = ?, hash = ? WHERE seq = 6")) {
            p.setString(1, forged);
            p.setString(2, forgedHash);
            p.executeUpdate();
        }

        assertThat(audit.verify(ADMIN)).isEqualTo(new Broken(7, Problem.PREV_HASH_LINK, forgedHash, row.hash()));
    }

    @Test
    void rowsCutOffTheEndAreNoticed() throws SQLException {
        recordTen();
        sql("DELETE FROM audit_log WHERE seq >= 9");

        assertThat(audit.verify(ADMIN)).isInstanceOfSatisfying(Broken.class,
                b -> assertThat(b).extracting(Broken::seq, Broken::problem).containsExactly(9L, Problem.MISSING_TAIL));
    }

    @Test
    void brokenChainIsReportedInTheAuditedVerification() throws SQLException {
        recordTen();
        sql("UPDATE audit_log SET target = 'alert:999' WHERE seq = 3");

        audit.verify(ADMIN);

        AuditEntry verified = only(audit.query(ADMIN, AuditQuery.all(10).withActions(AuditAction.AUDIT_VERIFIED)));
        assertThat(verified.details()).containsEntry("result", "broken").containsEntry("seq", 3)
                .containsEntry("problem", "CONTENT_HASH");
    }

    @Test
    void onlyAdminsVerifyAndARefusalRecordsNoVerification() {
        recordTen();

        for (Actor actor : List.of(VIEWER, ANALYST)) {
            assertThatThrownBy(() -> audit.verify(actor)).isInstanceOf(Forbidden.class).hasMessageContaining("verify audit");
        }

        assertThat(audit.query(ADMIN, AuditQuery.all(10).withActions(AuditAction.AUDIT_VERIFIED)).entries()).isEmpty();
    }

    // ---- concurrency

    @Test
    void concurrentAppendsFormOneLinearChain() throws Exception {
        int threads = 8;
        int perThread = 50;
        Database second = openSecondPool(db.database());
        try {
            // half the threads write through a second pool and log object where the database allows: another server
            AuditLog other = second == null ? audit : new JdbcAuditLog(second, clock);
            List<Callable<List<Long>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuditLog log = t % 2 == 0 ? audit : other;
                Actor actor = new Actor(100 + t, "writer-" + t, Role.ANALYST, Origin.API);
                writers.add(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(log.record(new AuditEvent(actor, AuditAction.ALERT_ACKNOWLEDGED, "alert:" + i, Map.of("i", i))));
                    }
                    return seqs;
                });
            }
            List<Long> all = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (Future<List<Long>> f : pool.invokeAll(writers)) all.addAll(f.get());
            }

            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
            assertThat(audit.verify(ADMIN)).isInstanceOfSatisfying(Intact.class,
                    v -> assertThat(v.rowsChecked()).isEqualTo(threads * perThread));
        } finally {
            if (second != null) second.close();
        }
    }

    // ---- helpers

    private void recordTen() {
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            audit.record(new AuditEvent(ANALYST, AuditAction.ALERT_RESOLVED, "alert:" + i,
                    Map.of("resolution", "false_positive", "note", "checked #" + i)));
        }
    }

    private static long broken(ChainVerification v) {
        assertThat(v).isInstanceOf(Broken.class);
        return ((Broken) v).seq();
    }
}
