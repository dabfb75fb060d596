package com.riskpulse.engine.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored assessments: the high-volume table. Storage is idempotent on the event id, so a replayed or
 * re-delivered event is stored and counted once.
 */
public interface Assessments {

    /**
     * Stores a batch in one round trip where the database allows it. Events already stored are skipped,
     * not overwritten; the answer says how many rows were new.
     */
    StoreOutcome storeAll(List<Assessment> batch);

    /** The newest {@code limit} assessments, newest first. */
    List<Assessment> latest(int limit);

    Optional<Assessment> byId(long id);

    Optional<Assessment> byEventId(String eventId);

    /** Filtered history, newest first, paged by key (the id), never by offset. */
    Page<Assessment> history(HistoryQuery query);

    /** Counts per level and score figures of the assessments scored in [from, to). */
    LevelStats stats(Instant from, Instant to);

    /** Deletes assessments scored before {@code cutoff} (retention); answers how many went. */
    long pruneScoredBefore(Instant cutoff);

    long count();

    /** @param stored rows newly written; {@code duplicates} were already there */
    record StoreOutcome(int stored, int duplicates) {}
}
