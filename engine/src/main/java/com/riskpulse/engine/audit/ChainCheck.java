package com.riskpulse.engine.audit;

import com.riskpulse.engine.audit.ChainVerification.Broken;
import com.riskpulse.engine.audit.ChainVerification.Intact;
import com.riskpulse.engine.audit.ChainVerification.Problem;

/**
 * Walks the chain one row at a time, in seq order, keeping only the previous row's seq and hash, so a log
 * of any length is verified in constant memory. Feed rows with {@link #accept} until it answers false (a
 * break was found) or the rows run out, then ask for the {@link #result}.
 */
final class ChainCheck {

    private long lastSeq;
    private String lastHash = AuditHashing.GENESIS;
    private long checked;
    private Broken broken;

    /**
     * Checks one stored row; answers whether to go on.
     *
     * @param content    the row's facts as stored (prev_hash included)
     * @param storedHash the row's hash column
     */
    boolean accept(AuditHashing.Content content, String storedHash) {
        long expectedSeq = lastSeq + 1;
        // order matters: a deleted row shows as a gap before it shows as a broken link
        if (content.seq() != expectedSeq) {
            return fail(new Broken(expectedSeq, Problem.SEQ_GAP, "seq " + expectedSeq, "seq " + content.seq()));
        }
        if (!lastHash.equals(content.prevHash())) {
            return fail(new Broken(content.seq(), Problem.PREV_HASH_LINK, lastHash, content.prevHash()));
        }
        String recomputed;
        try {
            recomputed = AuditHashing.hash(content);
        } catch (IllegalArgumentException unreadable) { // details no longer JSON: edited
            return fail(new Broken(content.seq(), Problem.CONTENT_HASH, storedHash, unreadable.getMessage()));
        }
        if (!recomputed.equals(storedHash)) {
            return fail(new Broken(content.seq(), Problem.CONTENT_HASH, storedHash, recomputed));
        }
        lastSeq = content.seq();
        lastHash = storedHash;
        checked++;
        return true;
    }

    /** After the last row: the chain head must point at the last row walked. */
    ChainVerification result(long headSeq, String headHash) {
        if (broken != null) return broken;
        if (headSeq > lastSeq) {
            return new Broken(lastSeq + 1, Problem.MISSING_TAIL, "rows up to seq " + headSeq, "end of log after seq " + lastSeq);
        }
        if (headSeq == lastSeq && !headHash.equals(lastHash)) {
            return new Broken(lastSeq, Problem.PREV_HASH_LINK, headHash, lastHash);
        }
        return new Intact(checked, lastHash);
    }

    private boolean fail(Broken found) {
        broken = found;
        return false;
    }
}
