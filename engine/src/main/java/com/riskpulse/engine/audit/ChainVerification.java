package com.riskpulse.engine.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** What verifying the audit chain found: the whole chain intact, or the first place it is not. */
public sealed interface ChainVerification {

    /** As recorded in the details of the {@link AuditAction#AUDIT_VERIFIED} entry. */
    Map<String, Object> details();

    /**
     * Every row checked out.
     *
     * @param rowsChecked how many rows were walked (0 for an empty log)
     * @param lastHash    the hash of the last row walked ({@link AuditHashing#GENESIS} for an empty log); worth
     *                    keeping outside the database, as it commits to every row before it
     */
    record Intact(long rowsChecked, String lastHash) implements ChainVerification {
        @Override
        public Map<String, Object> details() {
            return Map.of("result", "intact", "rows_checked", rowsChecked, "last_hash", lastHash);
        }
    }

    /**
     * The chain breaks at {@code seq}: everything before it checked out.
     *
     * @param seq      the first bad sequence number (for a gap: the first one missing)
     * @param problem  what does not match
     * @param expected what the chain requires there
     * @param found    what the row holds (for a gap: the next seq present, or "end of log")
     */
    record Broken(long seq, Problem problem, String expected, String found) implements ChainVerification {
        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("result", "broken");
            details.put("seq", seq);
            details.put("problem", problem.name());
            details.put("expected", expected);
            details.put("found", found);
            return details;
        }
    }

    /** The ways a chain breaks. */
    enum Problem {
        /** The row's content no longer hashes to its stored hash: the row was edited. */
        CONTENT_HASH,
        /** The row's prev_hash is not the previous row's hash: a row before it was replaced or re-hashed. */
        PREV_HASH_LINK,
        /** A sequence number is missing: a row was deleted. */
        SEQ_GAP,
        /** The chain head records more rows than the log holds: rows were cut off the end. */
        MISSING_TAIL
    }
}
