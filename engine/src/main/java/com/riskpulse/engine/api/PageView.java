package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** A key-paged listing: pass {@code next_cursor} as the next request's {@code cursor}; null on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PageView<T>(List<T> items, Long nextCursor) {
}
