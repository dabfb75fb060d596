package com.riskpulse.engine.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param entries    the page
 * @param nextCursor pass to {@link AuditQuery#after} for the next page; null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long nextCursor) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
