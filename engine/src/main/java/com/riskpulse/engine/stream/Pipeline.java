package com.riskpulse.engine.stream;

import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.score.ScoringModel;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The stream of ARCHITECTURE.md: sources → validate → route by entity → partition worker (features,
 * score) → batch writer, alert policy and live listeners. Built by {@link #start}, which reads top to
 * bottom; stopped by {@link #close}, which drains everything already accepted into storage first.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final PartitionWorker[] workers;
    private final BatchWriter writer;
    private final LiveBus live = new LiveBus();
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final List<Thread> workerThreads = new ArrayList<>();
    private final List<Thread> sourceThreads = new ArrayList<>();
    private final List<Thread> writerThreads = new ArrayList<>();
    private final LongAdder received = new LongAdder();
    private final Histogram latencyTotal = new Histogram(3);
    private volatile boolean running = true;

    private Pipeline(PipelineSettings settings, Supplier<ScoringModel> model, AssessmentIds ids, Assessments storage,
                     DeadLetters deadLetters, AssessmentListener alerts, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
        // storage: batches from one bounded queue (the backpressure point), written by one or more threads
        this.writer = new BatchWriter(storage, settings.storeQueueCapacity(), settings.storeBatchSize(), settings.storeFlushInterval());
        for (int i = 0; i < settings.storeWriters(); i++) {
            writerThreads.add(Thread.ofPlatform().name("riskpulse-store-" + i).start(writer));
        }
        // alerts first among the listeners: an alert should exist before a client sees the assessment
        if (alerts != null) live.subscribe(alerts);
        // partitions: each owns the state of its entities, so features need no locks
        this.workers = new PartitionWorker[settings.partitions()];
        for (int i = 0; i < workers.length; i++) {
            RiskScorer scorer = new RiskScorer(model, ids, settings.allowedLateness());
            workers[i] = new PartitionWorker(settings.partitionQueueCapacity(), scorer, writer, live);
            workerThreads.add(Thread.ofPlatform().name("riskpulse-partition-" + i).start(workers[i]));
        }
    }

    /**
     * Starts a pipeline. {@code alerts} may be null until the alert policy exists; {@code deadLetters}
     * keeps rejected stream inputs.
     */
    public static Pipeline start(PipelineSettings settings, Supplier<ScoringModel> model, AssessmentIds ids,
                                 Assessments storage, DeadLetters deadLetters, AssessmentListener alerts, Clock clock) {
        return new Pipeline(settings, model, ids, storage, deadLetters, alerts, clock);
    }

    /** Runs {@code source} on its own thread until it is exhausted or the pipeline closes. */
    public Thread addSource(EventSource source) {
        Thread t = Thread.ofPlatform().name("riskpulse-source-" + source.name()).start(() -> {
            try {
                source.run(new Context(source.name()));
                log.info("source {} finished", source.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("source {} failed", source.name(), e);
            }
        });
        synchronized (sourceThreads) {
            sourceThreads.add(t);
        }
        return t;
    }

    /** Submits one trusted event, waiting while the pipeline is full. */
    public void submit(RiskEvent event) throws InterruptedException {
        submit(event, null);
    }

    /**
     * Submits one trusted event, waiting while the pipeline is full; {@code whenDone} (may be null) runs once,
     * on a pipeline thread, when the event's assessment is stored or the event is dropped as a duplicate.
     * It never runs for an event that was not stored (the pipeline was killed mid-drain): a source that
     * waits for it never forgets an event too early.
     */
    public void submit(RiskEvent event, Runnable whenDone) throws InterruptedException {
        ensureRunning();
        received.increment();
        partitionOf(event.entityId()).queue.put(new Pending(event, null, System.nanoTime(), whenDone));
    }

    /**
     * Submits one event, waiting at most {@code timeoutMillis} for room: for callers that must answer
     * "try again later" (HTTP 429/503) rather than wait. False when the pipeline stayed full.
     */
    public boolean offer(RiskEvent event, long timeoutMillis) throws InterruptedException {
        ensureRunning();
        boolean accepted = partitionOf(event.entityId()).queue.offer(new Pending(event, null, System.nanoTime(), null),
                timeoutMillis, TimeUnit.MILLISECONDS);
        if (accepted) received.increment();
        return accepted;
    }

    /** Parses and submits one untrusted JSON event from {@code source}; a malformed one becomes a dead letter. */
    public ParseResult submitJson(String source, String json) throws InterruptedException {
        return submitJson(source, json, null);
    }

    /**
     * Like {@link #submitJson(String, String)}; {@code whenDone} (may be null) runs once the input's fate is
     * final: its assessment stored, or dropped as a duplicate, or (malformed) its dead letter stored, which
     * happens before this method returns.
     */
    public ParseResult submitJson(String source, String json, Runnable whenDone) throws InterruptedException {
        ParseResult result = EventJson.parse(json);
        switch (result) {
            case ParseResult.Accepted accepted -> submit(accepted.event(), whenDone);
            case ParseResult.Rejected rejected -> {
                deadLetters.store(new DeadLetter(source, rejected.rejection(), clock.instant()));
                if (whenDone != null) Pending.run(whenDone);
            }
        }
        return result;
    }

    /** Adds a live listener; closing the answer removes it. */
    public AutoCloseable subscribe(AssessmentListener listener) {
        return live.subscribe(listener);
    }

    public boolean isRunning() {
        return running;
    }

    public synchronized PipelineStats stats() {
        long scored = 0, duplicates = 0;
        int queued = 0, entities = 0;
        for (PartitionWorker w : workers) {
            scored += w.scored.sum();
            duplicates += w.duplicates.sum();
            queued += w.queue.size();
            entities += w.entityCount();
        }
        latencyTotal.add(writer.latencySinceLastCall());
        return new PipelineStats(received.sum(), deadLetters.count(), duplicates, scored, writer.stored.sum(),
                writer.storeDuplicates.sum(), writer.failures.sum(), queued, writer.depth(), entities, live.failures(),
                latencyTotal.getValueAtPercentile(50), latencyTotal.getValueAtPercentile(99), latencyTotal.getMaxValue());
    }

    /** Forgets the latency recorded so far: benchmarks call it after warm-up. */
    public synchronized void resetLatency() {
        writer.latencySinceLastCall();
        latencyTotal.reset();
    }

    /** Stops the sources, then drains every accepted event through scoring into storage, then stops. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (!running) return;
        running = false;
        List<Thread> sources;
        synchronized (sourceThreads) {
            sources = List.copyOf(sourceThreads);
        }
        for (Thread t : sources) {
            t.join(10_000);
            if (t.isAlive()) {
                log.warn("source thread {} did not stop within 10 s; interrupting it", t.getName());
                t.interrupt();
            }
        }
        for (PartitionWorker w : workers) w.queue.put(Pending.END);
        for (Thread t : workerThreads) t.join();
        for (int i = 0; i < writerThreads.size(); i++) writer.put(Pending.END);
        for (Thread t : writerThreads) t.join();
        log.info("pipeline stopped: {}", stats());
    }

    private PartitionWorker partitionOf(String entityId) {
        int h = entityId.hashCode();
        h ^= (h >>> 16); // spread the high bits: ids that differ only at the end must not pile up
        return workers[Math.floorMod(h * 0x9E3779B9, workers.length)];
    }

    private void ensureRunning() {
        if (!running) throw new IllegalStateException("the pipeline is stopped");
    }

    private final class Context implements SourceContext {
        private final String name;

        Context(String name) {
            this.name = name;
        }

        @Override
        public void emit(RiskEvent event) throws InterruptedException {
            submit(event);
        }

        @Override
        public ParseResult emitJson(String json) throws InterruptedException {
            return submitJson(name, json);
        }

        @Override
        public ParseResult emitJson(String json, Runnable whenDone) throws InterruptedException {
            return submitJson(name, json, whenDone);
        }

        @Override
        public boolean running() {
            return running;
        }
    }
}
