package com.riskpulse.engine.client;

import java.util.Map;

/**
 * What verifying the audit chain found, as the API answers it ({@code GET /api/v1/audit/verify}).
 *
 * @param intact      the whole chain checks out
 * @param rowsChecked rows walked (when intact)
 * @param brokenAt    the first bad sequence number (when broken)
 * @param problem     what does not match there: CONTENT_HASH, PREV_HASH_LINK, SEQ_GAP or MISSING_TAIL
 */
public record AuditVerification(boolean intact, long rowsChecked, Long brokenAt, String problem, String expected,
                                String found) {

    /** Reads the API's answer (the details of the AUDIT_VERIFIED entry). */
    public static AuditVerification fromDetails(Map<String, ?> details) {
        boolean intact = "intact".equals(details.get("result"));
        return new AuditVerification(intact, number(details.get("rows_checked")),
                intact ? null : number(details.get("seq")), text(details.get("problem")), text(details.get("expected")),
                text(details.get("found")));
    }

    /** One readable line for the console. */
    public String describe() {
        if (intact) return "Audit chain intact: " + rowsChecked + " entries verified.";
        return "Audit chain BROKEN at entry " + brokenAt + " (" + problem + "): expected " + expected + ", found " + found + ".";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
