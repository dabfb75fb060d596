package com.riskpulse.engine.audit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form that every audit hash is taken over: it must not depend on map order or number spelling. */
class AuditHashingTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456789Z");

    @Test
    void canonicalFormSortsKeysAtEveryDepthAndKeepsMicroseconds() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("z", 1);
        details.put("a", Map.of("y", List.of(2, "x"), "b", true));

        String form = AuditHashing.canonicalForm(content(AuditHashing.canonicalDetails(details), "alert:1"));

        assertThat(form).isEqualTo("{\"action\":\"ALERT_RESOLVED\",\"actor_id\":7,\"actor_name\":\"bob\","
                + "\"at\":\"2026-11-26T10:00:00.123456Z\",\"details\":{\"a\":{\"b\":true,\"y\":[2,\"x\"]},\"z\":1},"
                + "\"origin\":\"API\",\"prev_hash\":\"" + AuditHashing.GENESIS + "\",\"role\":\"ANALYST\",\"seq\":3,"
                + "\"target\":\"alert:1\"}");
    }

    @Test
    void hashDoesNotDependOnTheOrderDetailsWereGivenIn() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("before", 1);
        one.put("after", 2);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("after", 2);
        other.put("before", 1);

        assertThat(AuditHashing.canonicalDetails(one)).isEqualTo(AuditHashing.canonicalDetails(other)).isEqualTo("{\"after\":2,\"before\":1}");
    }

    @Test
    void detailsAreCanonicalAsTheyWillReadBack() {
        String stored = AuditHashing.canonicalDetails(Map.of("amount", new BigDecimal("1.10"), "note", "é \"q\""));

        assertThat(AuditHashing.canonicalDetails(stored)).isEqualTo(stored);
        assertThat(AuditHashing.parseDetails(stored)).containsEntry("amount", 1.1);
    }

    @Test
    void everyFieldIsCovered() {
        String details = AuditHashing.canonicalDetails(Map.of("k", "v"));
        var base = content(details, "alert:1");
        String hash = AuditHashing.hash(base);

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(List.of(
                content(details, "alert:2"),
                content(details, null),
                new AuditHashing.Content(4, AT, 7, "bob", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT.plusNanos(1_000), 7, "bob", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 8, "bob", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob2", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob", "ADMIN", "API", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob", "ANALYST", "CONSOLE", "ALERT_RESOLVED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob", "ANALYST", "API", "ALERT_ASSIGNED", "alert:1", details, AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", "{\"k\":\"w\"}", AuditHashing.GENESIS),
                new AuditHashing.Content(3, AT, 7, "bob", "ANALYST", "API", "ALERT_RESOLVED", "alert:1", details, "1".repeat(64))))
                .allSatisfy(changed -> assertThat(AuditHashing.hash(changed)).isNotEqualTo(hash));
    }

    @Test
    void detailsThatAreNotAJsonObjectAreRefused() {
        assertThatThrownBy(() -> AuditHashing.canonicalDetails("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHashing.canonicalDetails("null")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHashing.canonicalDetails("{broken")).isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditHashing.Content content(String details, String target) {
        return new AuditHashing.Content(3, AT, 7, "bob", "ANALYST", "API", "ALERT_RESOLVED", target, details, AuditHashing.GENESIS);
    }
}
