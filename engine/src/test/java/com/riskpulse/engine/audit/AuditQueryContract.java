package com.riskpulse.engine.audit;

import com.riskpulse.engine.audit.AuditQueryCases.Recorded;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the audit trail is read, run against each database by a small subclass: filters alone and combined
 * (a table in {@link AuditQueryCases}), newest first, key-paged by seq, and for admins only.
 */
public abstract class AuditQueryContract extends AuditContractBase {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.riskpulse.engine.audit.AuditQueryCases#cases")
    void filtersAloneAndCombined(String name, AuditQuery query, Predicate<Recorded> matches) {
        recordCases();

        AuditPage page = audit.query(ADMIN, query);

        assertThat(page.entries()).extracting(AuditEntry::seq).containsExactlyElementsOf(AuditQueryCases.expectedSeqs(matches));
        assertThat(page.nextCursor()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.riskpulse.engine.audit.AuditQueryCases#cases")
    void pagingWalksEveryMatchingEntryExactlyOnce(String name, AuditQuery query, Predicate<Recorded> matches) {
        recordCases();
        List<Long> seen = new ArrayList<>();
        AuditQuery pageQuery = new AuditQuery(query.actorName(), query.actions(), query.target(), query.targetPrefix(),
                query.from(), query.to(), query.beforeSeq(), 4);

        for (int pages = 0; pages <= AuditQueryCases.SIZE; pages++) {
            AuditPage page = audit.query(ADMIN, pageQuery);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(4);
            page.entries().forEach(e -> seen.add(e.seq()));
            if (!page.hasMore()) break;
            assertThat(page.entries()).hasSize(4);
            pageQuery = pageQuery.after(page.nextCursor());
        }

        assertThat(seen).containsExactlyElementsOf(AuditQueryCases.expectedSeqs(matches));
    }

    @Test
    void entriesReadBackAsRecorded() {
        recordCases();

        AuditEntry entry = bySeq(8);

        AuditEvent recorded = AuditQueryCases.event(7);
        assertThat(entry.at()).isEqualTo(AuditQueryCases.at(7));
        assertThat(entry.actor()).isEqualTo(recorded.actor());
        assertThat(entry.role()).isEqualTo(recorded.actor().role());
        assertThat(entry.origin()).isEqualTo(recorded.actor().origin());
        assertThat(entry.action()).isEqualTo(recorded.action());
        assertThat(entry.target()).isEqualTo(recorded.target());
        assertThat(entry.details()).isEqualTo(recorded.details());
        assertThat(entry.prevHash()).isEqualTo(bySeq(7).hash());
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        recordCases();

        for (Actor actor : List.of(VIEWER, ANALYST)) {
            assertThatThrownBy(() -> audit.query(actor, AuditQuery.all(10)))
                    .isInstanceOf(Forbidden.class).hasMessageContaining("read audit");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, AuditQuery.MAX_LIMIT + 1})
    void pageSizeOutsideOneToAThousandIsRefused(int limit) {
        assertThatThrownBy(() -> AuditQuery.all(limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be in [1, 1000]");
    }

    @Test
    void emptyOrBackwardTimeRangeAndTwoTargetFiltersAreRefused() {
        AuditQuery all = AuditQuery.all(10);
        assertThatThrownBy(() -> all.between(AuditQueryCases.at(3), AuditQueryCases.at(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before");
        // the withers replace one target filter by the other, so only the constructor can ask for both
        assertThat(all.withTarget("alert:1").withTargetPrefix("alert:").target()).isNull();
        assertThatThrownBy(() -> new AuditQuery(null, null, "alert:1", "alert:", null, null, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    private void recordCases() {
        for (int i = 0; i < AuditQueryCases.SIZE; i++) {
            clock.set(AuditQueryCases.at(i));
            audit.record(AuditQueryCases.event(i));
        }
    }
}
