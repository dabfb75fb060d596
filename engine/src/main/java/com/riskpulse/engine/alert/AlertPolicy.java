package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.stream.AssessmentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Raises alerts from the stream: an assessment at or above the configured minimum level (read per
 * assessment, so a configuration change applies from the next one) raises an alert for its entity, or
 * joins the entity's OPEN or ACKNOWLEDGED alert instead of flooding the queue.
 *
 * <p>Threading: {@link #onAssessment} runs on partition worker threads, so it only filters and hands the
 * assessment to a bounded queue. One writer thread of its own drains the queue in batches (up to
 * {@value #BATCH_SIZE}, one transaction each) and keeps the index entity → open alert id, rebuilt from the
 * database at start; being the only writer of that index, it needs no locks. Alerts must not be lost, so
 * when the queue is full (the database has fallen behind) {@code onAssessment} blocks: backpressure, as the
 * store queue does — the workers, then the sources, slow down. A failed batch is retried with backoff,
 * never dropped. {@link #close} writes everything accepted before returning.
 */
public final class AlertPolicy implements AssessmentListener, AutoCloseable {

    /** The policy's name in the {@code alerts.policy} column. */
    public static final String NAME = "risk-level";
    public static final int DEFAULT_CAPACITY = 8_192;
    static final int BATCH_SIZE = 256;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(AlertPolicy.class);

    private final Alerts alerts;
    private final Supplier<AlertPolicySettings> settings;
    private final AlertFeed feed;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    /** Tells the writer to stop once everything before it is written. */
    private final Object end = new Object();
    /** entity id → its open alert's id; read and written only by the writer thread */
    private final Map<String, Long> openByEntity;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    private AlertPolicy(Alerts alerts, Supplier<AlertPolicySettings> settings, AlertFeed feed, Clock clock, int capacity) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.openByEntity = new HashMap<>(alerts.openAlertIds(NAME, null));
        this.writer = Thread.ofPlatform().name("riskpulse-alerts").start(this::drain);
    }

    /** Starts the policy's writer thread, with the open-alert index read from {@code alerts}. */
    public static AlertPolicy start(Alerts alerts, Supplier<AlertPolicySettings> settings, AlertFeed feed, Clock clock) {
        return start(alerts, settings, feed, clock, DEFAULT_CAPACITY);
    }

    public static AlertPolicy start(Alerts alerts, Supplier<AlertPolicySettings> settings, AlertFeed feed, Clock clock, int capacity) {
        return new AlertPolicy(alerts, settings, feed, clock, capacity);
    }

    /** Called on a partition worker: filters, then queues; blocks only while the queue is full. */
    @Override
    public void onAssessment(Assessment assessment) {
        if (!assessment.level().atLeast(settings.get().minimumLevel())) return;
        if (!open) throw new IllegalStateException("the alert policy is closed; assessment " + assessment.id() + " raised no alert");
        try {
            queue.put(assessment);
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing assessment " + assessment.id() + " for an alert", e);
        }
    }

    /** Assessments accepted but not yet written: zero when every alert is up to date. */
    public long backlog() {
        return accepted.get() - written.get();
    }

    /** Live clients hear every alert change here (delegates to the shared {@link AlertFeed}). */
    public AutoCloseable subscribe(Consumer<AlertChange> listener) {
        return feed.subscribe(listener);
    }

    private void drain() {
        List<Object> batch = new ArrayList<>(BATCH_SIZE);
        boolean ending = false;
        try {
            while (!ending) {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                // batches form naturally under load; when the stream is calm each alert is written at once
                queue.drainTo(batch, BATCH_SIZE - 1);
                List<Assessment> assessments = new ArrayList<>(batch.size());
                for (Object o : batch) {
                    if (o == end) ending = true;
                    else assessments.add((Assessment) o);
                }
                write(assessments);
                batch.clear();
            }
            // whatever slipped in while closing: accepted, so written
            queue.drainTo(batch);
            write(batch.stream().filter(o -> o != end).map(Assessment.class::cast).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("alert writer interrupted with {} assessments unwritten", batch.size() + queue.size());
        }
    }

    private void write(List<Assessment> batch) throws InterruptedException {
        if (batch.isEmpty()) return;
        long backoff = 50;
        while (true) {
            try {
                List<AlertChange> changes = alerts.record(NAME, batch, openByEntity, clock.instant());
                for (AlertChange c : changes) openByEntity.put(c.alert().entityId(), c.alert().id());
                written.addAndGet(batch.size());
                changes.forEach(feed::publish);
                return;
            } catch (RuntimeException e) {
                // an analyst's command committed first (version moved on), another node raised the entity's
                // alert first (unique key), or the database is down: re-read the index entries, try again
                boolean race = e instanceof Alerts.ConcurrentChange;
                if (!race) log.error("writing {} alert events failed; retrying in {} ms", batch.size(), backoff, e);
                if (!race) Thread.sleep(backoff);
                backoff = race ? backoff : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                refreshIndex(batch);
            }
        }
    }

    private void refreshIndex(List<Assessment> batch) {
        Set<String> entities = new LinkedHashSet<>();
        for (Assessment a : batch) entities.add(a.entityId());
        try {
            Map<String, Long> fresh = alerts.openAlertIds(NAME, entities);
            entities.forEach(openByEntity::remove);
            openByEntity.putAll(fresh);
        } catch (RuntimeException e) {
            log.warn("could not re-read open alerts of {} entities", entities.size(), e);
        }
    }

    /** Stops accepting, writes everything already accepted, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        if (!open) return;
        open = false;
        queue.put(end);
        writer.join();
    }
}
