package com.riskpulse.engine.assessment;

import java.util.List;

/**
 * One page of a key-paged listing.
 *
 * @param items      the page, newest first
 * @param nextCursor pass as the next query's {@code beforeId}; null on the last page
 */
public record Page<T>(List<T> items, Long nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
