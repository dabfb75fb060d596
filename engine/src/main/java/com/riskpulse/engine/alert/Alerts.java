package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The alerts repository. Callers see {@link Alert} records; how they are stored is the implementation's. */
public interface Alerts {

    /**
     * {@link #record} lost a race it can win on a retry with fresh hints: an analyst's command committed
     * first on an alert of the batch, or another node raised an entity's open alert first.
     */
    final class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes a batch of high-risk assessments in one transaction: each joins its entity's open alert of
     * {@code policy} (the one named in {@code openHints} when it is still open, else the one the database
     * holds) or raises a new one. An event already attached is skipped. Answers one change per alert
     * touched, in first-touched order.
     */
    List<AlertChange> record(String policy, List<Assessment> batch, Map<String, Long> openHints, Instant now);

    /** Entity id → id of its OPEN or ACKNOWLEDGED alert of {@code policy}; all of them when {@code entityIds} is null. */
    Map<String, Long> openAlertIds(String policy, Collection<String> entityIds);

    /**
     * Reads alert {@code id} and lets {@code decide} judge the command against it; when the answer is
     * {@link AlertOutcome.Done}, writes that alert's workflow fields (status, assignee, acknowledgement,
     * resolution) under the optimistic version check, calls {@code beforeCommit} with the state before and after
     * (so the audit entry shares the transaction's fate), and commits. Answers {@link AlertOutcome.Conflict}
     * when {@code expectedVersion} is not the stored one or another writer committed first.
     */
    AlertOutcome update(long id, Long expectedVersion, Function<Alert, AlertOutcome> decide, BiConsumer<Alert, Alert> beforeCommit);

    Optional<AlertDetail> get(long id);

    Page<Alert> list(AlertQuery query);

    /** Counts as of {@code now}; the mean times over alerts acknowledged or resolved in [{@code from}, {@code to}). */
    AlertStats stats(Instant now, Instant from, Instant to);
}
