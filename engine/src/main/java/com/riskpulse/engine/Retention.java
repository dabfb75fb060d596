package com.riskpulse.engine;

import com.riskpulse.engine.assessment.Assessments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prunes assessments older than the configured retention, once at start and then every hour. The
 * number of days is read at each run, so a configuration change applies without restart.
 */
final class Retention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final Assessments assessments;
    private final Supplier<Integer> days;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("riskpulse-retention").unstarted(r));

    Retention(Assessments assessments, Supplier<Integer> days, Clock clock) {
        this.assessments = assessments;
        this.days = days;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::runOnce, 1, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Deletes what is older than the retention; answers how many went. Failures are logged, and retried next hour. */
    long runOnce() {
        try {
            long deleted = assessments.pruneScoredBefore(clock.instant().minus(Duration.ofDays(days.get())));
            if (deleted > 0) log.info("retention: pruned {} assessments older than {} days", deleted, days.get());
            return deleted;
        } catch (RuntimeException e) {
            log.warn("retention run failed; next attempt in {}", EVERY, e);
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
